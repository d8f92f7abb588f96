/**
 * Props that make a tappable element (a whole row that opens something) reachable and usable from
 * the keyboard on h5, as a button is: focusable, and Enter or Space presses it. Spread them onto a
 * Taro `View`; the mini-program ignores what it does not know.
 */
export function pressableProps(onPress: () => void) {
  return {
    role: 'button',
    tabIndex: 0,
    onKeyDown: (event: { key: string; preventDefault: () => void }) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      event.preventDefault();
      onPress();
    },
  };
}
