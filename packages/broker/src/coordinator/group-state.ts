// Kafka's classic group states (ClassicGroupState) and the table of legal transitions between them.
// A transition not in the table is a coordinator bug, so it throws rather than being answered on the wire.

export const GroupState = {
  Empty: 'Empty',
  PreparingRebalance: 'PreparingRebalance',
  CompletingRebalance: 'CompletingRebalance',
  Stable: 'Stable',
  Dead: 'Dead',
} as const;

export type GroupStateName = (typeof GroupState)[keyof typeof GroupState];

/** For each state, the states a group may enter it from (Kafka's validPreviousStates). */
export const VALID_PREVIOUS_STATES: Readonly<Record<GroupStateName, readonly GroupStateName[]>> = {
  Empty: ['PreparingRebalance'],
  PreparingRebalance: ['Stable', 'CompletingRebalance', 'Empty'],
  CompletingRebalance: ['PreparingRebalance'],
  Stable: ['CompletingRebalance'],
  Dead: ['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead'],
};

export function canTransition(from: GroupStateName, to: GroupStateName): boolean {
  return VALID_PREVIOUS_STATES[to].includes(from);
}

export class IllegalTransitionError extends Error {
  constructor(groupId: string, from: GroupStateName, to: GroupStateName) {
    super(`group ${groupId}: illegal transition ${from} -> ${to}`);
    this.name = 'IllegalTransitionError';
  }
}
