import type { Metadata } from 'next';
import { BrokersView } from './brokers-view';

export const metadata: Metadata = { title: 'Brokers' };

export default function BrokersPage() {
  return <BrokersView />;
}
