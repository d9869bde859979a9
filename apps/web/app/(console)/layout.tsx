import type { ReactNode } from 'react';
import { Sidebar } from '@/components/shell/sidebar';
import { Shortcuts } from '@/components/shell/shortcuts';

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen min-w-[1024px]">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-surface focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <Sidebar />
      <main id="main" className="min-w-0 flex-1 px-8 py-7">
        <div className="mx-auto max-w-[1400px]">{children}</div>
      </main>
      <Shortcuts />
    </div>
  );
}
