import { View, Text } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>packages/staff/pages/home</Text>
    </View>
  );
}
