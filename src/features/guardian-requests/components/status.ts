import type { BadgeTone } from '@/components/ui';
import type { GuardianRequestView } from '../api';

export function statusTone(status: GuardianRequestView['status']): BadgeTone {
  switch (status) {
    case 'received':
      return 'warning';
    case 'in_progress':
      return 'info';
    case 'completed':
      return 'success';
    case 'refused':
      return 'neutral';
  }
}
