'use client';

import type { ReactNode } from 'react';
import { AlertIcon, InboxIcon, RefreshIcon } from '@/components/icons';
import { Button } from '@/components/ui/button';
import { readableError } from '@/lib/errors';
import { cn } from '@/lib/utils';

/** The gateway's message, in words, with a retry when retrying can help. */
export function ErrorState({ error, onRetry, className }: { error: unknown; onRetry?: () => void; className?: string }) {
  const readable = readableError(error);
  return (
    <div role="alert" className={cn('flex items-start gap-3 rounded-lg border border-danger/30 bg-danger/5 p-4', className)}>
      <AlertIcon className="mt-0.5 text-danger" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-[13px] font-medium text-foreground">{readable.title}</p>
        <p className="break-words text-xs text-muted-foreground">{readable.message}</p>
        {readable.code ? <p className="font-mono text-[10px] text-muted-foreground/80">{readable.code}</p> : null}
      </div>
      {onRetry ? (
        <Button size="sm" onClick={onRetry}>
          <RefreshIcon size={14} /> Retry
        </Button>
      ) : null}
    </div>
  );
}

export function EmptyState({
  title,
  description,
  action,
  icon,
  className,
}: {
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-col items-center justify-center gap-3 px-6 py-16 text-center', className)}>
      <div className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
        {icon ?? <InboxIcon size={18} />}
      </div>
      <div className="space-y-1">
        <p className="text-sm font-medium">{title}</p>
        {description ? <p className="max-w-sm text-xs text-muted-foreground">{description}</p> : null}
      </div>
      {action}
    </div>
  );
}
