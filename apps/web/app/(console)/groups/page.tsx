import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GroupsView } from './_components/groups-view';

export const metadata: Metadata = { title: 'Consumer groups' };

export default function GroupsPage() {
  return (
    <Suspense>
      <GroupsView />
    </Suspense>
  );
}
