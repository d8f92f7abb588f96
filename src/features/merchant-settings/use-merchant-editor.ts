import { useState } from 'react';
import { useConfirmedSave } from '@/hooks/use-confirmed-save';
import type { ConfirmRequest } from '@/lib/dialog';
import { useT, type MessageKey } from '@/lib/i18n';
import { removeMerchant, type MerchantPlatform } from './api';
import { serverFieldErrors } from './forms';

export interface MerchantEditorOptions<F, Field extends string> {
  platform: MerchantPlatform;
  initial: F;
  problems: (form: F) => Partial<Record<Field, MessageKey>>;
  confirm: (form: F) => ConfirmRequest;
  send: (form: F) => Promise<unknown>;
  /** After a save or removal: load the settings again (the card is rebuilt from them). */
  onChanged: () => void;
}

/** One platform's form: values, the form's and the server's field messages, confirmed save and removal. */
export function useMerchantEditor<F extends object, Field extends string>({ platform, initial, problems, confirm, send, onChanged }: MerchantEditorOptions<F, Field>) {
  const t = useT();
  const [form, setForm] = useState<F>(initial);
  const [tried, setTried] = useState(false);
  const [fromServer, setFromServer] = useState<Record<string, string>>({});
  const saving = useConfirmedSave();
  const found = problems(form);

  const set =
    <K extends keyof F>(field: K) =>
    (value: F[K]) => {
      setForm((current) => ({ ...current, [field]: value }));
      setFromServer((current) => ({ ...current, [field]: '' }));
    };

  const errorOf = (field: Field): string | null => {
    const problem = found[field];
    if (tried && problem) return t(problem);
    return fromServer[field] || null;
  };

  const submit = async () => {
    setTried(true);
    saving.setFailure(null);
    if (Object.keys(found).length > 0) return;
    const saved = await saving.save({
      confirm: confirm(form),
      identity: JSON.stringify(form),
      send: async () => {
        try {
          return await send(form);
        } catch (error) {
          setFromServer(serverFieldErrors(error));
          throw error;
        }
      },
      done: 'merchants.saved',
    });
    if (saved) onChanged();
  };

  const remove = async () => {
    const removed = await saving.save({
      confirm: {
        title: t(`merchants.${platform}.removeTitle`),
        content: t('merchants.removeBody'),
        confirm: 'merchants.removeConfirm',
        danger: true,
      },
      identity: `remove:${platform}`,
      send: () => removeMerchant(platform),
      done: 'merchants.removed',
    });
    if (removed) onChanged();
  };

  const reset = () => {
    setForm(initial);
    setTried(false);
    setFromServer({});
    saving.setFailure(null);
  };

  return { form, setForm, set, errorOf, busy: saving.busy, failure: saving.failure, submit, remove, reset };
}
