// Request frames (without the size prefix) captured from kafkajs 2.2.4 with clientId "golden":
// its opening ApiVersions v2, then Metadata v6 for topic "golden-topic". server/kafkajs-golden.test.ts
// re-captures them over a socket; protocol/golden.test.ts decodes them.
export const KAFKAJS_API_VERSIONS_V2 = '00120002000000000006676f6c64656e';
export const KAFKAJS_METADATA_V6 = '00030006000000010006676f6c64656e00000001000c676f6c64656e2d746f70696300';
