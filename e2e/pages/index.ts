/** Page objects for the console, for e2e specs (owned with apps/web: selectors change together). */
export { TopicsPage } from './topics-page.ts';
export { TopicPage, TOPIC_TABS, type TopicTab } from './topic-page.ts';
export { GroupPage, GroupsPage } from './group-page.ts';
export { ConsolePage } from './console-page.ts';
