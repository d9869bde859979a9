'use client';

import { useState } from 'react';
import { CheckIcon, CopyIcon } from '@/components/icons';
import { Button } from '@/components/ui/button';

export function CopyButton({ text, label = 'Copy' }: { text: string | (() => string); label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    const value = typeof text === 'function' ? text() : text;
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard API needs a secure context; fall back to a hidden textarea.
      const area = document.createElement('textarea');
      area.value = value;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1200);
  }
  return (
    <Button size="sm" variant="ghost" onClick={() => void copy()} aria-label={label}>
      {copied ? <CheckIcon size={13} className="text-success" /> : <CopyIcon size={13} />}
      {copied ? 'Copied' : label}
    </Button>
  );
}
