import { View, Text } from '@tarojs/components';

export default function Page() {
  return (
    <View>
      <Text>packages/student/pages/home</Text>
    </View>
  );
}
