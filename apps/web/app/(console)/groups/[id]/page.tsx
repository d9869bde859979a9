import type { Metadata } from 'next';
import { decodeParam } from '@/lib/params';
import { GroupView } from './_components/group-view';

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeParam((await params).id) };
}

export default async function GroupPage({ params }: { params: Params }) {
  return <GroupView id={decodeParam((await params).id)} />;
}
