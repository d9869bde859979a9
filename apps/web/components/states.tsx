'use client';

import type { ReactNode } from 'react';
import { AlertIcon, InboxIcon, RefreshIcon } from '@/components/icons';
import { Button } from '@/components/ui/button';
import { readableError } from '@/lib/errors';
import { cn } from '@/lib/utils';

/**
 * The gateway's message, in words, with a retry. Reading again is always harmless; a failed
 * change (kind "mutation") offers a retry only when the same request can succeed later.
 */
export function ErrorState({
  error,
  onRetry,
  className,
  kind = 'query',
}: {
  error: unknown;
  onRetry?: () => void;
  className?: string;
  kind?: 'query' | 'mutation';
}) {
  const readable = readableError(error);
  const retry = onRetry && (kind === 'query' || readable.retryable) ? onRetry : undefined;
  return (
    <div role="alert" className={cn('flex items-start gap-3 rounded-lg border border-danger/30 bg-danger/5 p-4', className)}>
      <AlertIcon className="mt-0.5 text-danger" />
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-[13px] font-medium text-foreground">{readable.title}</p>
        <p className="break-words text-xs text-muted-foreground">{readable.message}</p>
        {readable.code ? <p className="font-mono text-[10px] text-muted-foreground/80">{readable.code}</p> : null}
      </div>
      {retry ? (
        <Button size="sm" onClick={retry}>
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
