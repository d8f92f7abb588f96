import { View } from '@tarojs/components';
import { useState } from 'react';
import { Button, Notice, TextInput } from '@/components/ui';
import { errorMessage } from '@/lib/api-client';
import { confirmAction, toast } from '@/lib/dialog';
import { useT } from '@/lib/i18n';
import { useOperationKey } from '@/lib/idempotency';
import { markTaskDone, type TaskRow } from '../api';

const NOTE_MAX = 500;

/** "Mark done" on a task: an optional note, one confirmation, then the task leaves the queue. */
export function TaskDone({ task, onDone, onOpenStudent }: { task: TaskRow; onDone: (id: string) => void; onOpenStudent?: (id: string) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const operation = useOperationKey();

  const submit = async () => {
    if (busy) return;
    setError(null);
    const text = note.trim();
    const yes = await confirmAction({
      title: t('care.taskDoneTitle'),
      content: t('care.taskDoneBody', { name: task.student.displayName }),
      confirm: 'care.confirmDone',
    });
    if (!yes) return;
    const body = text ? { note: text } : {};
    setBusy(true);
    try {
      await markTaskDone(task.id, body, operation.for(JSON.stringify(body)));
      operation.done();
      toast('care.taskDoneToast');
      onDone(task.id);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <View className='bx-care-row__actions'>
        <Button variant='secondary' label={t('care.taskDoneLabel', { name: task.student.displayName })} testId='task-done-open' onClick={() => setOpen(true)}>
          {t('care.taskDone')}
        </Button>
        {onOpenStudent ? (
          <Button variant='quiet' testId='task-open-student' onClick={() => onOpenStudent(task.student.id)}>
            {t('care.openStudent')}
          </Button>
        ) : null}
      </View>
    );
  }
  return (
    <View className='bx-care-form' data-testid='task-done-form'>
      <TextInput
        name='note'
        label={t('care.taskNote')}
        hint={t('care.optional')}
        value={note}
        onChange={setNote}
        maxlength={NOTE_MAX}
        multiline
        testId='task-done-note'
        disabled={busy}
      />
      {error ? (
        <Notice tone='danger' testId='task-done-error'>
          {error}
        </Notice>
      ) : null}
      <View className='bx-care-row__actions'>
        <Button loading={busy} testId='task-done-confirm' onClick={() => void submit()}>
          {t('care.taskDoneSave')}
        </Button>
        <Button variant='quiet' disabled={busy} onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </View>
    </View>
  );
}
