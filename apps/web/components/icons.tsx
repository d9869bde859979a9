import type { SVGProps } from 'react';

/** A small hand-picked icon set (24px grid, stroke icons in the style of Lucide), no icon library. */
type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function make(paths: string[], name: string) {
  function Icon({ size = 16, ...props }: IconProps) {
    return (
      <svg
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.75}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
        {...props}
      >
        {paths.map((d) => (
          <path key={d} d={d} />
        ))}
      </svg>
    );
  }
  Icon.displayName = name;
  return Icon;
}

export const HomeIcon = make(['M3 10.5 12 3l9 7.5', 'M5 9.5V21h14V9.5', 'M9.5 21v-6h5v6'], 'HomeIcon');
export const TopicsIcon = make(['M4 6h16', 'M4 12h16', 'M4 18h10'], 'TopicsIcon');
export const GroupsIcon = make(
  ['M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2', 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z', 'M22 21v-2a4 4 0 0 0-3-3.87', 'M16 3.13a4 4 0 0 1 0 7.75'],
  'GroupsIcon',
);
export const ServerIcon = make(
  ['M4 4h16v6H4z', 'M4 14h16v6H4z', 'M8 7h.01', 'M8 17h.01'],
  'ServerIcon',
);
export const PlusIcon = make(['M12 5v14', 'M5 12h14'], 'PlusIcon');
export const SearchIcon = make(['M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16Z', 'm21 21-4.3-4.3'], 'SearchIcon');
export const RefreshIcon = make(['M21 12a9 9 0 0 1-15.5 6.2L3 16', 'M3 12A9 9 0 0 1 18.5 5.8L21 8', 'M21 3v5h-5', 'M3 21v-5h5'], 'RefreshIcon');
export const AlertIcon = make(['M12 9v4', 'M12 17h.01', 'M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z'], 'AlertIcon');
export const XIcon = make(['M18 6 6 18', 'm6 6 12 12'], 'XIcon');
export const SunIcon = make(
  ['M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8Z', 'M12 2v2', 'M12 20v2', 'm4.9 4.9 1.4 1.4', 'm17.7 17.7 1.4 1.4', 'M2 12h2', 'M20 12h2', 'm6.3 17.7-1.4 1.4', 'm19.1 4.9-1.4 1.4'],
  'SunIcon',
);
export const MoonIcon = make(['M12 3a6 6 0 0 0 9 9 9 9 0 1 1-9-9Z'], 'MoonIcon');
export const MonitorIcon = make(['M3 4h18v12H3z', 'M8 20h8', 'M12 16v4'], 'MonitorIcon');
export const ChevronLeftIcon = make(['m15 18-6-6 6-6'], 'ChevronLeftIcon');
export const ChevronDownIcon = make(['m6 9 6 6 6-6'], 'ChevronDownIcon');
export const ArrowUpDownIcon = make(['m21 16-4 4-4-4', 'M17 20V4', 'm3 8 4-4 4 4', 'M7 4v16'], 'ArrowUpDownIcon');
export const ArrowUpIcon = make(['m5 12 7-7 7 7', 'M12 19V5'], 'ArrowUpIcon');
export const ArrowDownIcon = make(['M12 5v14', 'm19 12-7 7-7-7'], 'ArrowDownIcon');
export const CopyIcon = make(['M8 8h12v12H8z', 'M16 8V4H4v12h4'], 'CopyIcon');
export const CheckIcon = make(['M20 6 9 17l-5-5'], 'CheckIcon');
export const LinkIcon = make(['M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7', 'M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7'], 'LinkIcon');
export const DownloadIcon = make(['M12 3v12', 'm7 10 5 5 5-5', 'M5 21h14'], 'DownloadIcon');
export const PauseIcon = make(['M8 5v14', 'M16 5v14'], 'PauseIcon');
export const PlayIcon = make(['M7 4v16l13-8Z'], 'PlayIcon');
export const TrashIcon = make(['M3 6h18', 'M8 6V4h8v2', 'M19 6l-1 14H6L5 6', 'M10 11v6', 'M14 11v6'], 'TrashIcon');
export const SendIcon = make(['m22 2-7 20-4-9-9-4Z', 'M22 2 11 13'], 'SendIcon');
export const KeyboardIcon = make(['M2 6h20v12H2z', 'M6 10h.01', 'M10 10h.01', 'M14 10h.01', 'M18 10h.01', 'M7 14h10'], 'KeyboardIcon');
export const ActivityIcon = make(['M22 12h-4l-3 9L9 3l-3 9H2'], 'ActivityIcon');
export const ClockIcon = make(['M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20Z', 'M12 6v6l4 2'], 'ClockIcon');
export const InboxIcon = make(['M22 12h-6l-2 3h-4l-2-3H2', 'M5.5 5h13L22 12v7H2v-7Z'], 'InboxIcon');
export const ExternalIcon = make(['M15 3h6v6', 'M10 14 21 3', 'M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6'], 'ExternalIcon');
