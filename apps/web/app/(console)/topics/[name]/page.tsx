import type { Metadata } from 'next';
import { decodeParam } from '@/lib/params';
import { Suspense } from 'react';
import { TopicView } from './_components/topic-view';

export async function generateMetadata({ params }: { params: Promise<{ name: string }> }): Promise<Metadata> {
  const { name } = await params;
  return { title: decodeParam(name) };
}

export default async function TopicPage({ params }: { params: Promise<{ name: string }> }) {
  const { name } = await params;
  return (
    <Suspense>
      <TopicView name={decodeParam(name)} />
    </Suspense>
  );
}
