import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Notice, StateView } from '@/components/ui';
import { useReloadOnReturn } from '@/hooks/use-reload-on-return';
import { useT } from '@/lib/i18n';
import { useLedger } from '../use-ledger';
import { LedgerView, type LedgerViewProps } from './ledger-view';

/** The ledger page: one sponsorship's money, with pull-to-refresh. */
export function LedgerScreen({ sponsorshipId }: { sponsorshipId: string }) {
  const t = useT();
  const state = useLedger(sponsorshipId);
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh());
  });
  // Back from the pay page: a payment may have arrived meanwhile.
  useReloadOnReturn(state.reload);
  return (
    <View className='bx-ledger-screen' data-testid='ledger-screen'>
      <LedgerBody state={state} />
      {state.status === 'ready' ? <View className='bx-ledger__none'>{t('ledger.transparency')}</View> : null}
    </View>
  );
}

/** The ledger with its loading and error states (used by the ledger page and the sponsorship page's tab). */
export function LedgerBody({ state, forStaff = false, paymentAction }: { state: ReturnType<typeof useLedger> } & Pick<LedgerViewProps, 'forStaff' | 'paymentAction'>) {
  if (state.status === 'idle' || state.status === 'loading') return <StateView state='loading' />;
  if (state.status === 'error' || !state.ledger)
    return <StateView state='error' message={state.error ?? undefined} onRetry={() => void state.reload()} />;
  return (
    <>
      {state.error ? <Notice tone='danger'>{state.error}</Notice> : null}
      <LedgerView ledger={state.ledger} forStaff={forStaff} paymentAction={paymentAction} />
    </>
  );
}
