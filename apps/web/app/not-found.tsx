import Link from 'next/link';
import { EmptyState } from '@/components/states';

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center">
      <EmptyState
        title="Nothing here"
        description="This page does not exist in the console."
        action={
          <Link href="/" className="text-xs text-primary hover:underline">
            Back to the overview
          </Link>
        }
      />
    </main>
  );
}
