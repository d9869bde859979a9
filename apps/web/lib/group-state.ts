import type { GroupState } from '@brook/contract';
import type { BadgeTone } from '@/components/ui/misc';

export function groupStateTone(state: GroupState): BadgeTone {
  switch (state) {
    case 'Stable':
      return 'success';
    case 'PreparingRebalance':
    case 'CompletingRebalance':
      return 'warning';
    case 'Dead':
      return 'danger';
    default:
      return 'neutral';
  }
}
