'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { GroupsIcon, HomeIcon, KeyboardIcon, ServerIcon, TopicsIcon } from '@/components/icons';
import { TimeZoneToggle } from '@/components/timestamp';
import { Kbd } from '@/components/ui/misc';
import { queries } from '@/lib/api/queries';
import { cn } from '@/lib/utils';
import { showShortcuts } from './shortcuts';
import { ThemeToggle } from './theme-toggle';
import { LinkPending } from '@/components/link-pending';

const NAV = [
  { href: '/', label: 'Overview', icon: HomeIcon, shortcut: 'g o' },
  { href: '/topics', label: 'Topics', icon: TopicsIcon, shortcut: 'g t' },
  { href: '/groups', label: 'Consumer groups', icon: GroupsIcon, shortcut: 'g c' },
  { href: '/brokers', label: 'Brokers', icon: ServerIcon, shortcut: 'g b' },
] as const;

function isActive(pathname: string, href: string): boolean {
  return href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`);
}

function GatewayStatus() {
  const health = useQuery(queries.health());
  const ok = health.isSuccess;
  const label = health.isPending ? 'Connecting…' : ok ? 'Gateway connected' : 'Gateway unreachable';
  return (
    <div className="flex items-center gap-2 px-2 text-xs text-muted-foreground" role="status" aria-live="polite">
      <span
        aria-hidden="true"
        className={cn('size-2 rounded-full', health.isPending ? 'bg-muted-foreground/40' : ok ? 'bg-success' : 'bg-danger')}
      />
      {label}
    </div>
  );
}

export function Sidebar() {
  const pathname = usePathname();
  return (
    <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-border bg-sidebar">
      <div className="flex h-14 items-center gap-2.5 px-4">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" className="text-primary">
          <path d="M3 8c3-3 6 3 9 0s6 3 9 0M3 13c3-3 6 3 9 0s6 3 9 0M3 18c3-3 6 3 9 0s6 3 9 0" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="text-[15px] font-semibold tracking-tight">Brook</span>
      </div>
      <nav aria-label="Main" className="flex-1 px-2 py-2">
        <ul className="space-y-0.5">
          {NAV.map(({ href, label, icon: Icon }) => {
            const active = isActive(pathname, href);
            return (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={active ? 'page' : undefined}
                  className={cn(
                    'flex h-8 items-center gap-2.5 rounded-md px-2.5 text-[13px] font-medium transition-colors',
                    active ? 'bg-accent text-accent-foreground' : 'text-muted-foreground hover:bg-muted hover:text-foreground',
                  )}
                >
                  <Icon size={16} />
                  {label}
                  <LinkPending />
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="space-y-3 border-t border-border p-3">
        <GatewayStatus />
        <div className="flex items-center justify-between px-2 text-xs text-muted-foreground">
          <button type="button" onClick={showShortcuts} className="flex items-center gap-1.5 hover:text-foreground">
            <KeyboardIcon size={14} /> Shortcuts <Kbd>?</Kbd>
          </button>
          <TimeZoneToggle />
        </div>
        <ThemeToggle />
      </div>
    </aside>
  );
}
