import type { Metadata } from 'next';
import { decodeParam } from '@/lib/params';
import { MessageView } from './message-view';

type Params = Promise<{ name: string; partition: string; offset: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, partition, offset } = await params;
  return { title: `${decodeParam(name)} · ${partition}@${offset}` };
}

export default async function MessagePage({ params }: { params: Params }) {
  const { name, partition, offset } = await params;
  return <MessageView topic={decodeParam(name)} partition={partition} offset={offset} />;
}
