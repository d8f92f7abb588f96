import { View, Text } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>packages/sponsor/pages/home</Text>
    </View>
  );
}
