// Generated from Apache Kafka's message specifications by scripts/generate-protocol.ts — do not edit.
// Regenerate: npm run generate -w @brook/broker   (= tsx scripts/generate-protocol.ts <specDir> [outFile])
import { MAX_VERSION as MAX, type MessageSpec, type RecordsData } from '../schema.ts';

export const ApiKey = {
  Produce: 0,
  Fetch: 1,
  ListOffsets: 2,
  Metadata: 3,
  OffsetCommit: 8,
  OffsetFetch: 9,
  FindCoordinator: 10,
  JoinGroup: 11,
  Heartbeat: 12,
  LeaveGroup: 13,
  SyncGroup: 14,
  DescribeGroups: 15,
  ListGroups: 16,
  SaslHandshake: 17,
  ApiVersions: 18,
  CreateTopics: 19,
  DeleteTopics: 20,
  DeleteRecords: 21,
  InitProducerId: 22,
  AddPartitionsToTxn: 24,
  AddOffsetsToTxn: 25,
  EndTxn: 26,
  TxnOffsetCommit: 28,
  DescribeConfigs: 32,
  AlterConfigs: 33,
  SaslAuthenticate: 36,
  CreatePartitions: 37,
  DeleteGroups: 42,
  IncrementalAlterConfigs: 44,
  OffsetDelete: 47,
} as const;

export type ApiName = keyof typeof ApiKey;

export type MessageName =
  | 'RequestHeader'
  | 'ResponseHeader'
  | 'ProduceRequest'
  | 'ProduceResponse'
  | 'FetchRequest'
  | 'FetchResponse'
  | 'ListOffsetsRequest'
  | 'ListOffsetsResponse'
  | 'MetadataRequest'
  | 'MetadataResponse'
  | 'OffsetCommitRequest'
  | 'OffsetCommitResponse'
  | 'OffsetFetchRequest'
  | 'OffsetFetchResponse'
  | 'FindCoordinatorRequest'
  | 'FindCoordinatorResponse'
  | 'JoinGroupRequest'
  | 'JoinGroupResponse'
  | 'HeartbeatRequest'
  | 'HeartbeatResponse'
  | 'LeaveGroupRequest'
  | 'LeaveGroupResponse'
  | 'SyncGroupRequest'
  | 'SyncGroupResponse'
  | 'DescribeGroupsRequest'
  | 'DescribeGroupsResponse'
  | 'ListGroupsRequest'
  | 'ListGroupsResponse'
  | 'SaslHandshakeRequest'
  | 'SaslHandshakeResponse'
  | 'ApiVersionsRequest'
  | 'ApiVersionsResponse'
  | 'CreateTopicsRequest'
  | 'CreateTopicsResponse'
  | 'DeleteTopicsRequest'
  | 'DeleteTopicsResponse'
  | 'DeleteRecordsRequest'
  | 'DeleteRecordsResponse'
  | 'InitProducerIdRequest'
  | 'InitProducerIdResponse'
  | 'DescribeConfigsRequest'
  | 'DescribeConfigsResponse'
  | 'AlterConfigsRequest'
  | 'AlterConfigsResponse'
  | 'SaslAuthenticateRequest'
  | 'SaslAuthenticateResponse'
  | 'CreatePartitionsRequest'
  | 'CreatePartitionsResponse'
  | 'DeleteGroupsRequest'
  | 'DeleteGroupsResponse'
  | 'IncrementalAlterConfigsRequest'
  | 'IncrementalAlterConfigsResponse'
  | 'OffsetDeleteRequest'
  | 'OffsetDeleteResponse'
  | 'AddPartitionsToTxnRequest'
  | 'AddPartitionsToTxnResponse'
  | 'AddOffsetsToTxnRequest'
  | 'AddOffsetsToTxnResponse'
  | 'EndTxnRequest'
  | 'EndTxnResponse'
  | 'TxnOffsetCommitRequest'
  | 'TxnOffsetCommitResponse';

export const schemas: { readonly [K in MessageName]: MessageSpec } = {
  RequestHeader: {
    name: 'RequestHeader',
    type: 'header',
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'requestApiKey', type: 'int16', versions: [0, MAX] },
      { name: 'requestApiVersion', type: 'int16', versions: [0, MAX] },
      { name: 'correlationId', type: 'int32', versions: [0, MAX] },
      { name: 'clientId', type: 'string', versions: [1, MAX], nullableVersions: [1, MAX], flexibleVersions: 'none' },
    ],
  },
  ResponseHeader: {
    name: 'ResponseHeader',
    type: 'header',
    validVersions: [0, 1],
    flexibleVersions: [1, MAX],
    fields: [
      { name: 'correlationId', type: 'int32', versions: [0, MAX] },
    ],
  },
  ProduceRequest: {
    name: 'ProduceRequest',
    type: 'request',
    apiKey: 0,
    validVersions: [0, 11],
    flexibleVersions: [9, MAX],
    fields: [
      { name: 'transactionalId', type: 'string', versions: [3, MAX], nullableVersions: [3, MAX], default: null },
      { name: 'acks', type: 'int16', versions: [0, MAX] },
      { name: 'timeoutMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'topicData', type: 'struct', array: true, versions: [0, MAX], structName: 'TopicProduceData',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitionData', type: 'struct', array: true, versions: [0, MAX], structName: 'PartitionProduceData',
            fields: [
              { name: 'index', type: 'int32', versions: [0, MAX] },
              { name: 'records', type: 'records', versions: [0, MAX], nullableVersions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  ProduceResponse: {
    name: 'ProduceResponse',
    type: 'response',
    apiKey: 0,
    validVersions: [0, 11],
    flexibleVersions: [9, MAX],
    fields: [
      {
        name: 'responses', type: 'struct', array: true, versions: [0, MAX], structName: 'TopicProduceResponse',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitionResponses', type: 'struct', array: true, versions: [0, MAX], structName: 'PartitionProduceResponse',
            fields: [
              { name: 'index', type: 'int32', versions: [0, MAX] },
              { name: 'errorCode', type: 'int16', versions: [0, MAX] },
              { name: 'baseOffset', type: 'int64', versions: [0, MAX] },
              { name: 'logAppendTimeMs', type: 'int64', versions: [2, MAX], default: -1n },
              { name: 'logStartOffset', type: 'int64', versions: [5, MAX], default: -1n },
              {
                name: 'recordErrors', type: 'struct', array: true, versions: [8, MAX], structName: 'BatchIndexAndErrorMessage',
                fields: [
                  { name: 'batchIndex', type: 'int32', versions: [8, MAX] },
                  { name: 'batchIndexErrorMessage', type: 'string', versions: [8, MAX], nullableVersions: [8, MAX], default: null },
                ],
              },
              { name: 'errorMessage', type: 'string', versions: [8, MAX], nullableVersions: [8, MAX], default: null },
              {
                name: 'currentLeader', type: 'struct', versions: [10, MAX], taggedVersions: [10, MAX], tag: 0, structName: 'LeaderIdAndEpoch',
                fields: [
                  { name: 'leaderId', type: 'int32', versions: [10, MAX], default: -1 },
                  { name: 'leaderEpoch', type: 'int32', versions: [10, MAX], default: -1 },
                ],
              },
            ],
          },
        ],
      },
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX], default: 0 },
      {
        name: 'nodeEndpoints', type: 'struct', array: true, versions: [10, MAX], taggedVersions: [10, MAX], tag: 0, structName: 'NodeEndpoint',
        fields: [
          { name: 'nodeId', type: 'int32', versions: [10, MAX] },
          { name: 'host', type: 'string', versions: [10, MAX] },
          { name: 'port', type: 'int32', versions: [10, MAX] },
          { name: 'rack', type: 'string', versions: [10, MAX], nullableVersions: [10, MAX], default: null },
        ],
      },
    ],
  },
  FetchRequest: {
    name: 'FetchRequest',
    type: 'request',
    apiKey: 1,
    validVersions: [0, 17],
    flexibleVersions: [12, MAX],
    fields: [
      { name: 'clusterId', type: 'string', versions: [12, MAX], nullableVersions: [12, MAX], taggedVersions: [12, MAX], tag: 0, default: null },
      { name: 'replicaId', type: 'int32', versions: [0, 14], default: -1 },
      {
        name: 'replicaState', type: 'struct', versions: [15, MAX], taggedVersions: [15, MAX], tag: 1, structName: 'ReplicaState',
        fields: [
          { name: 'replicaId', type: 'int32', versions: [15, MAX], default: -1 },
          { name: 'replicaEpoch', type: 'int64', versions: [15, MAX], default: -1n },
        ],
      },
      { name: 'maxWaitMs', type: 'int32', versions: [0, MAX] },
      { name: 'minBytes', type: 'int32', versions: [0, MAX] },
      { name: 'maxBytes', type: 'int32', versions: [3, MAX], default: 2147483647 },
      { name: 'isolationLevel', type: 'int8', versions: [4, MAX], default: 0 },
      { name: 'sessionId', type: 'int32', versions: [7, MAX], default: 0 },
      { name: 'sessionEpoch', type: 'int32', versions: [7, MAX], default: -1 },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'FetchTopic',
        fields: [
          { name: 'topic', type: 'string', versions: [0, 12] },
          { name: 'topicId', type: 'uuid', versions: [13, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'FetchPartition',
            fields: [
              { name: 'partition', type: 'int32', versions: [0, MAX] },
              { name: 'currentLeaderEpoch', type: 'int32', versions: [9, MAX], default: -1 },
              { name: 'fetchOffset', type: 'int64', versions: [0, MAX] },
              { name: 'lastFetchedEpoch', type: 'int32', versions: [12, MAX], default: -1 },
              { name: 'logStartOffset', type: 'int64', versions: [5, MAX], default: -1n },
              { name: 'partitionMaxBytes', type: 'int32', versions: [0, MAX] },
              { name: 'replicaDirectoryId', type: 'uuid', versions: [17, MAX], taggedVersions: [17, MAX], tag: 0 },
            ],
          },
        ],
      },
      {
        name: 'forgottenTopicsData', type: 'struct', array: true, versions: [7, MAX], structName: 'ForgottenTopic',
        fields: [
          { name: 'topic', type: 'string', versions: [7, 12] },
          { name: 'topicId', type: 'uuid', versions: [13, MAX] },
          { name: 'partitions', type: 'int32', array: true, versions: [7, MAX] },
        ],
      },
      { name: 'rackId', type: 'string', versions: [11, MAX], default: "" },
    ],
  },
  FetchResponse: {
    name: 'FetchResponse',
    type: 'response',
    apiKey: 1,
    validVersions: [0, 17],
    flexibleVersions: [12, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      { name: 'errorCode', type: 'int16', versions: [7, MAX] },
      { name: 'sessionId', type: 'int32', versions: [7, MAX], default: 0 },
      {
        name: 'responses', type: 'struct', array: true, versions: [0, MAX], structName: 'FetchableTopicResponse',
        fields: [
          { name: 'topic', type: 'string', versions: [0, 12] },
          { name: 'topicId', type: 'uuid', versions: [13, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'PartitionData',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'errorCode', type: 'int16', versions: [0, MAX] },
              { name: 'highWatermark', type: 'int64', versions: [0, MAX] },
              { name: 'lastStableOffset', type: 'int64', versions: [4, MAX], default: -1n },
              { name: 'logStartOffset', type: 'int64', versions: [5, MAX], default: -1n },
              {
                name: 'divergingEpoch', type: 'struct', versions: [12, MAX], taggedVersions: [12, MAX], tag: 0, structName: 'EpochEndOffset',
                fields: [
                  { name: 'epoch', type: 'int32', versions: [12, MAX], default: -1 },
                  { name: 'endOffset', type: 'int64', versions: [12, MAX], default: -1n },
                ],
              },
              {
                name: 'currentLeader', type: 'struct', versions: [12, MAX], taggedVersions: [12, MAX], tag: 1, structName: 'LeaderIdAndEpoch',
                fields: [
                  { name: 'leaderId', type: 'int32', versions: [12, MAX], default: -1 },
                  { name: 'leaderEpoch', type: 'int32', versions: [12, MAX], default: -1 },
                ],
              },
              {
                name: 'snapshotId', type: 'struct', versions: [12, MAX], taggedVersions: [12, MAX], tag: 2, structName: 'SnapshotId',
                fields: [
                  { name: 'endOffset', type: 'int64', versions: [0, MAX], default: -1n },
                  { name: 'epoch', type: 'int32', versions: [0, MAX], default: -1 },
                ],
              },
              {
                name: 'abortedTransactions', type: 'struct', array: true, versions: [4, MAX], nullableVersions: [4, MAX], structName: 'AbortedTransaction',
                fields: [
                  { name: 'producerId', type: 'int64', versions: [4, MAX] },
                  { name: 'firstOffset', type: 'int64', versions: [4, MAX] },
                ],
              },
              { name: 'preferredReadReplica', type: 'int32', versions: [11, MAX], default: -1 },
              { name: 'records', type: 'records', versions: [0, MAX], nullableVersions: [0, MAX] },
            ],
          },
        ],
      },
      {
        name: 'nodeEndpoints', type: 'struct', array: true, versions: [16, MAX], taggedVersions: [16, MAX], tag: 0, structName: 'NodeEndpoint',
        fields: [
          { name: 'nodeId', type: 'int32', versions: [16, MAX] },
          { name: 'host', type: 'string', versions: [16, MAX] },
          { name: 'port', type: 'int32', versions: [16, MAX] },
          { name: 'rack', type: 'string', versions: [16, MAX], nullableVersions: [16, MAX], default: null },
        ],
      },
    ],
  },
  ListOffsetsRequest: {
    name: 'ListOffsetsRequest',
    type: 'request',
    apiKey: 2,
    validVersions: [0, 10],
    flexibleVersions: [6, MAX],
    fields: [
      { name: 'replicaId', type: 'int32', versions: [0, MAX] },
      { name: 'isolationLevel', type: 'int8', versions: [2, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'ListOffsetsTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'ListOffsetsPartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'currentLeaderEpoch', type: 'int32', versions: [4, MAX], default: -1 },
              { name: 'timestamp', type: 'int64', versions: [0, MAX] },
              { name: 'maxNumOffsets', type: 'int32', versions: [0, 0], default: 1 },
            ],
          },
        ],
      },
      { name: 'timeoutMs', type: 'int32', versions: [10, MAX] },
    ],
  },
  ListOffsetsResponse: {
    name: 'ListOffsetsResponse',
    type: 'response',
    apiKey: 2,
    validVersions: [0, 10],
    flexibleVersions: [6, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [2, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'ListOffsetsTopicResponse',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'ListOffsetsPartitionResponse',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'errorCode', type: 'int16', versions: [0, MAX] },
              { name: 'oldStyleOffsets', type: 'int64', array: true, versions: [0, 0] },
              { name: 'timestamp', type: 'int64', versions: [1, MAX], default: -1n },
              { name: 'offset', type: 'int64', versions: [1, MAX], default: -1n },
              { name: 'leaderEpoch', type: 'int32', versions: [4, MAX], default: -1 },
            ],
          },
        ],
      },
    ],
  },
  MetadataRequest: {
    name: 'MetadataRequest',
    type: 'request',
    apiKey: 3,
    validVersions: [0, 12],
    flexibleVersions: [9, MAX],
    fields: [
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], nullableVersions: [1, MAX], structName: 'MetadataRequestTopic',
        fields: [
          { name: 'topicId', type: 'uuid', versions: [10, MAX] },
          { name: 'name', type: 'string', versions: [0, MAX], nullableVersions: [10, MAX] },
        ],
      },
      { name: 'allowAutoTopicCreation', type: 'bool', versions: [4, MAX], default: true },
      { name: 'includeClusterAuthorizedOperations', type: 'bool', versions: [8, 10] },
      { name: 'includeTopicAuthorizedOperations', type: 'bool', versions: [8, MAX] },
    ],
  },
  MetadataResponse: {
    name: 'MetadataResponse',
    type: 'response',
    apiKey: 3,
    validVersions: [0, 12],
    flexibleVersions: [9, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [3, MAX] },
      {
        name: 'brokers', type: 'struct', array: true, versions: [0, MAX], structName: 'MetadataResponseBroker',
        fields: [
          { name: 'nodeId', type: 'int32', versions: [0, MAX] },
          { name: 'host', type: 'string', versions: [0, MAX] },
          { name: 'port', type: 'int32', versions: [0, MAX] },
          { name: 'rack', type: 'string', versions: [1, MAX], nullableVersions: [1, MAX], default: null },
        ],
      },
      { name: 'clusterId', type: 'string', versions: [2, MAX], nullableVersions: [2, MAX], default: null },
      { name: 'controllerId', type: 'int32', versions: [1, MAX], default: -1 },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'MetadataResponseTopic',
        fields: [
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
          { name: 'name', type: 'string', versions: [0, MAX], nullableVersions: [12, MAX] },
          { name: 'topicId', type: 'uuid', versions: [10, MAX] },
          { name: 'isInternal', type: 'bool', versions: [1, MAX], default: false },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'MetadataResponsePartition',
            fields: [
              { name: 'errorCode', type: 'int16', versions: [0, MAX] },
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'leaderId', type: 'int32', versions: [0, MAX] },
              { name: 'leaderEpoch', type: 'int32', versions: [7, MAX], default: -1 },
              { name: 'replicaNodes', type: 'int32', array: true, versions: [0, MAX] },
              { name: 'isrNodes', type: 'int32', array: true, versions: [0, MAX] },
              { name: 'offlineReplicas', type: 'int32', array: true, versions: [5, MAX] },
            ],
          },
          { name: 'topicAuthorizedOperations', type: 'int32', versions: [8, MAX], default: -2147483648 },
        ],
      },
      { name: 'clusterAuthorizedOperations', type: 'int32', versions: [8, 10], default: -2147483648 },
    ],
  },
  OffsetCommitRequest: {
    name: 'OffsetCommitRequest',
    type: 'request',
    apiKey: 8,
    validVersions: [0, 9],
    flexibleVersions: [8, MAX],
    fields: [
      { name: 'groupId', type: 'string', versions: [0, MAX] },
      { name: 'generationIdOrMemberEpoch', type: 'int32', versions: [1, MAX], default: -1 },
      { name: 'memberId', type: 'string', versions: [1, MAX] },
      { name: 'groupInstanceId', type: 'string', versions: [7, MAX], nullableVersions: [7, MAX], default: null },
      { name: 'retentionTimeMs', type: 'int64', versions: [2, 4], default: -1n },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'OffsetCommitRequestTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'OffsetCommitRequestPartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'committedOffset', type: 'int64', versions: [0, MAX] },
              { name: 'committedLeaderEpoch', type: 'int32', versions: [6, MAX], default: -1 },
              { name: 'commitTimestamp', type: 'int64', versions: [1, 1], default: -1n },
              { name: 'committedMetadata', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  OffsetCommitResponse: {
    name: 'OffsetCommitResponse',
    type: 'response',
    apiKey: 8,
    validVersions: [0, 9],
    flexibleVersions: [8, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [3, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'OffsetCommitResponseTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'OffsetCommitResponsePartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'errorCode', type: 'int16', versions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  OffsetFetchRequest: {
    name: 'OffsetFetchRequest',
    type: 'request',
    apiKey: 9,
    validVersions: [0, 9],
    flexibleVersions: [6, MAX],
    fields: [
      { name: 'groupId', type: 'string', versions: [0, 7] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, 7], nullableVersions: [2, 7], structName: 'OffsetFetchRequestTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, 7] },
          { name: 'partitionIndexes', type: 'int32', array: true, versions: [0, 7] },
        ],
      },
      {
        name: 'groups', type: 'struct', array: true, versions: [8, MAX], structName: 'OffsetFetchRequestGroup',
        fields: [
          { name: 'groupId', type: 'string', versions: [8, MAX] },
          { name: 'memberId', type: 'string', versions: [9, MAX], nullableVersions: [9, MAX], default: null },
          { name: 'memberEpoch', type: 'int32', versions: [9, MAX], default: -1 },
          {
            name: 'topics', type: 'struct', array: true, versions: [8, MAX], nullableVersions: [8, MAX], structName: 'OffsetFetchRequestTopics',
            fields: [
              { name: 'name', type: 'string', versions: [8, MAX] },
              { name: 'partitionIndexes', type: 'int32', array: true, versions: [8, MAX] },
            ],
          },
        ],
      },
      { name: 'requireStable', type: 'bool', versions: [7, MAX], default: false },
    ],
  },
  OffsetFetchResponse: {
    name: 'OffsetFetchResponse',
    type: 'response',
    apiKey: 9,
    validVersions: [0, 9],
    flexibleVersions: [6, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [3, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, 7], structName: 'OffsetFetchResponseTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, 7] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, 7], structName: 'OffsetFetchResponsePartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, 7] },
              { name: 'committedOffset', type: 'int64', versions: [0, 7] },
              { name: 'committedLeaderEpoch', type: 'int32', versions: [5, 7], default: -1 },
              { name: 'metadata', type: 'string', versions: [0, 7], nullableVersions: [0, 7] },
              { name: 'errorCode', type: 'int16', versions: [0, 7] },
            ],
          },
        ],
      },
      { name: 'errorCode', type: 'int16', versions: [2, 7], default: 0 },
      {
        name: 'groups', type: 'struct', array: true, versions: [8, MAX], structName: 'OffsetFetchResponseGroup',
        fields: [
          { name: 'groupId', type: 'string', versions: [8, MAX] },
          {
            name: 'topics', type: 'struct', array: true, versions: [8, MAX], structName: 'OffsetFetchResponseTopics',
            fields: [
              { name: 'name', type: 'string', versions: [8, MAX] },
              {
                name: 'partitions', type: 'struct', array: true, versions: [8, MAX], structName: 'OffsetFetchResponsePartitions',
                fields: [
                  { name: 'partitionIndex', type: 'int32', versions: [8, MAX] },
                  { name: 'committedOffset', type: 'int64', versions: [8, MAX] },
                  { name: 'committedLeaderEpoch', type: 'int32', versions: [8, MAX], default: -1 },
                  { name: 'metadata', type: 'string', versions: [8, MAX], nullableVersions: [8, MAX] },
                  { name: 'errorCode', type: 'int16', versions: [8, MAX] },
                ],
              },
            ],
          },
          { name: 'errorCode', type: 'int16', versions: [8, MAX], default: 0 },
        ],
      },
    ],
  },
  FindCoordinatorRequest: {
    name: 'FindCoordinatorRequest',
    type: 'request',
    apiKey: 10,
    validVersions: [0, 6],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'key', type: 'string', versions: [0, 3] },
      { name: 'keyType', type: 'int8', versions: [1, MAX], default: 0 },
      { name: 'coordinatorKeys', type: 'string', array: true, versions: [4, MAX] },
    ],
  },
  FindCoordinatorResponse: {
    name: 'FindCoordinatorResponse',
    type: 'response',
    apiKey: 10,
    validVersions: [0, 6],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, 3] },
      { name: 'errorMessage', type: 'string', versions: [1, 3], nullableVersions: [1, 3] },
      { name: 'nodeId', type: 'int32', versions: [0, 3] },
      { name: 'host', type: 'string', versions: [0, 3] },
      { name: 'port', type: 'int32', versions: [0, 3] },
      {
        name: 'coordinators', type: 'struct', array: true, versions: [4, MAX], structName: 'Coordinator',
        fields: [
          { name: 'key', type: 'string', versions: [4, MAX] },
          { name: 'nodeId', type: 'int32', versions: [4, MAX] },
          { name: 'host', type: 'string', versions: [4, MAX] },
          { name: 'port', type: 'int32', versions: [4, MAX] },
          { name: 'errorCode', type: 'int16', versions: [4, MAX] },
          { name: 'errorMessage', type: 'string', versions: [4, MAX], nullableVersions: [4, MAX] },
        ],
      },
    ],
  },
  JoinGroupRequest: {
    name: 'JoinGroupRequest',
    type: 'request',
    apiKey: 11,
    validVersions: [0, 9],
    flexibleVersions: [6, MAX],
    fields: [
      { name: 'groupId', type: 'string', versions: [0, MAX] },
      { name: 'sessionTimeoutMs', type: 'int32', versions: [0, MAX] },
      { name: 'rebalanceTimeoutMs', type: 'int32', versions: [1, MAX], default: -1 },
      { name: 'memberId', type: 'string', versions: [0, MAX] },
      { name: 'groupInstanceId', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX], default: null },
      { name: 'protocolType', type: 'string', versions: [0, MAX] },
      {
        name: 'protocols', type: 'struct', array: true, versions: [0, MAX], structName: 'JoinGroupRequestProtocol',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          { name: 'metadata', type: 'bytes', versions: [0, MAX] },
        ],
      },
      { name: 'reason', type: 'string', versions: [8, MAX], nullableVersions: [8, MAX], default: null },
    ],
  },
  JoinGroupResponse: {
    name: 'JoinGroupResponse',
    type: 'response',
    apiKey: 11,
    validVersions: [0, 9],
    flexibleVersions: [6, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [2, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      { name: 'generationId', type: 'int32', versions: [0, MAX], default: -1 },
      { name: 'protocolType', type: 'string', versions: [7, MAX], nullableVersions: [7, MAX], default: null },
      { name: 'protocolName', type: 'string', versions: [0, MAX], nullableVersions: [7, MAX] },
      { name: 'leader', type: 'string', versions: [0, MAX] },
      { name: 'skipAssignment', type: 'bool', versions: [9, MAX], default: false },
      { name: 'memberId', type: 'string', versions: [0, MAX] },
      {
        name: 'members', type: 'struct', array: true, versions: [0, MAX], structName: 'JoinGroupResponseMember',
        fields: [
          { name: 'memberId', type: 'string', versions: [0, MAX] },
          { name: 'groupInstanceId', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX], default: null },
          { name: 'metadata', type: 'bytes', versions: [0, MAX] },
        ],
      },
    ],
  },
  HeartbeatRequest: {
    name: 'HeartbeatRequest',
    type: 'request',
    apiKey: 12,
    validVersions: [0, 4],
    flexibleVersions: [4, MAX],
    fields: [
      { name: 'groupId', type: 'string', versions: [0, MAX] },
      { name: 'generationId', type: 'int32', versions: [0, MAX] },
      { name: 'memberId', type: 'string', versions: [0, MAX] },
      { name: 'groupInstanceId', type: 'string', versions: [3, MAX], nullableVersions: [3, MAX], default: null },
    ],
  },
  HeartbeatResponse: {
    name: 'HeartbeatResponse',
    type: 'response',
    apiKey: 12,
    validVersions: [0, 4],
    flexibleVersions: [4, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
    ],
  },
  LeaveGroupRequest: {
    name: 'LeaveGroupRequest',
    type: 'request',
    apiKey: 13,
    validVersions: [0, 5],
    flexibleVersions: [4, MAX],
    fields: [
      { name: 'groupId', type: 'string', versions: [0, MAX] },
      { name: 'memberId', type: 'string', versions: [0, 2] },
      {
        name: 'members', type: 'struct', array: true, versions: [3, MAX], structName: 'MemberIdentity',
        fields: [
          { name: 'memberId', type: 'string', versions: [3, MAX] },
          { name: 'groupInstanceId', type: 'string', versions: [3, MAX], nullableVersions: [3, MAX], default: null },
          { name: 'reason', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX], default: null },
        ],
      },
    ],
  },
  LeaveGroupResponse: {
    name: 'LeaveGroupResponse',
    type: 'response',
    apiKey: 13,
    validVersions: [0, 5],
    flexibleVersions: [4, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      {
        name: 'members', type: 'struct', array: true, versions: [3, MAX], structName: 'MemberResponse',
        fields: [
          { name: 'memberId', type: 'string', versions: [3, MAX] },
          { name: 'groupInstanceId', type: 'string', versions: [3, MAX], nullableVersions: [3, MAX] },
          { name: 'errorCode', type: 'int16', versions: [3, MAX] },
        ],
      },
    ],
  },
  SyncGroupRequest: {
    name: 'SyncGroupRequest',
    type: 'request',
    apiKey: 14,
    validVersions: [0, 5],
    flexibleVersions: [4, MAX],
    fields: [
      { name: 'groupId', type: 'string', versions: [0, MAX] },
      { name: 'generationId', type: 'int32', versions: [0, MAX] },
      { name: 'memberId', type: 'string', versions: [0, MAX] },
      { name: 'groupInstanceId', type: 'string', versions: [3, MAX], nullableVersions: [3, MAX], default: null },
      { name: 'protocolType', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX], default: null },
      { name: 'protocolName', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX], default: null },
      {
        name: 'assignments', type: 'struct', array: true, versions: [0, MAX], structName: 'SyncGroupRequestAssignment',
        fields: [
          { name: 'memberId', type: 'string', versions: [0, MAX] },
          { name: 'assignment', type: 'bytes', versions: [0, MAX] },
        ],
      },
    ],
  },
  SyncGroupResponse: {
    name: 'SyncGroupResponse',
    type: 'response',
    apiKey: 14,
    validVersions: [0, 5],
    flexibleVersions: [4, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      { name: 'protocolType', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX], default: null },
      { name: 'protocolName', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX], default: null },
      { name: 'assignment', type: 'bytes', versions: [0, MAX] },
    ],
  },
  DescribeGroupsRequest: {
    name: 'DescribeGroupsRequest',
    type: 'request',
    apiKey: 15,
    validVersions: [0, 5],
    flexibleVersions: [5, MAX],
    fields: [
      { name: 'groups', type: 'string', array: true, versions: [0, MAX] },
      { name: 'includeAuthorizedOperations', type: 'bool', versions: [3, MAX] },
    ],
  },
  DescribeGroupsResponse: {
    name: 'DescribeGroupsResponse',
    type: 'response',
    apiKey: 15,
    validVersions: [0, 5],
    flexibleVersions: [5, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      {
        name: 'groups', type: 'struct', array: true, versions: [0, MAX], structName: 'DescribedGroup',
        fields: [
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
          { name: 'groupId', type: 'string', versions: [0, MAX] },
          { name: 'groupState', type: 'string', versions: [0, MAX] },
          { name: 'protocolType', type: 'string', versions: [0, MAX] },
          { name: 'protocolData', type: 'string', versions: [0, MAX] },
          {
            name: 'members', type: 'struct', array: true, versions: [0, MAX], structName: 'DescribedGroupMember',
            fields: [
              { name: 'memberId', type: 'string', versions: [0, MAX] },
              { name: 'groupInstanceId', type: 'string', versions: [4, MAX], nullableVersions: [4, MAX], default: null },
              { name: 'clientId', type: 'string', versions: [0, MAX] },
              { name: 'clientHost', type: 'string', versions: [0, MAX] },
              { name: 'memberMetadata', type: 'bytes', versions: [0, MAX] },
              { name: 'memberAssignment', type: 'bytes', versions: [0, MAX] },
            ],
          },
          { name: 'authorizedOperations', type: 'int32', versions: [3, MAX], default: -2147483648 },
        ],
      },
    ],
  },
  ListGroupsRequest: {
    name: 'ListGroupsRequest',
    type: 'request',
    apiKey: 16,
    validVersions: [0, 5],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'statesFilter', type: 'string', array: true, versions: [4, MAX] },
      { name: 'typesFilter', type: 'string', array: true, versions: [5, MAX] },
    ],
  },
  ListGroupsResponse: {
    name: 'ListGroupsResponse',
    type: 'response',
    apiKey: 16,
    validVersions: [0, 5],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      {
        name: 'groups', type: 'struct', array: true, versions: [0, MAX], structName: 'ListedGroup',
        fields: [
          { name: 'groupId', type: 'string', versions: [0, MAX] },
          { name: 'protocolType', type: 'string', versions: [0, MAX] },
          { name: 'groupState', type: 'string', versions: [4, MAX] },
          { name: 'groupType', type: 'string', versions: [5, MAX] },
        ],
      },
    ],
  },
  SaslHandshakeRequest: {
    name: 'SaslHandshakeRequest',
    type: 'request',
    apiKey: 17,
    validVersions: [0, 1],
    flexibleVersions: null,
    fields: [
      { name: 'mechanism', type: 'string', versions: [0, MAX] },
    ],
  },
  SaslHandshakeResponse: {
    name: 'SaslHandshakeResponse',
    type: 'response',
    apiKey: 17,
    validVersions: [0, 1],
    flexibleVersions: null,
    fields: [
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      { name: 'mechanisms', type: 'string', array: true, versions: [0, MAX] },
    ],
  },
  ApiVersionsRequest: {
    name: 'ApiVersionsRequest',
    type: 'request',
    apiKey: 18,
    validVersions: [0, 4],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'clientSoftwareName', type: 'string', versions: [3, MAX] },
      { name: 'clientSoftwareVersion', type: 'string', versions: [3, MAX] },
    ],
  },
  ApiVersionsResponse: {
    name: 'ApiVersionsResponse',
    type: 'response',
    apiKey: 18,
    validVersions: [0, 4],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      {
        name: 'apiKeys', type: 'struct', array: true, versions: [0, MAX], structName: 'ApiVersion',
        fields: [
          { name: 'apiKey', type: 'int16', versions: [0, MAX] },
          { name: 'minVersion', type: 'int16', versions: [0, MAX] },
          { name: 'maxVersion', type: 'int16', versions: [0, MAX] },
        ],
      },
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      {
        name: 'supportedFeatures', type: 'struct', array: true, versions: [3, MAX], taggedVersions: [3, MAX], tag: 0, structName: 'SupportedFeatureKey',
        fields: [
          { name: 'name', type: 'string', versions: [3, MAX] },
          { name: 'minVersion', type: 'int16', versions: [3, MAX] },
          { name: 'maxVersion', type: 'int16', versions: [3, MAX] },
        ],
      },
      { name: 'finalizedFeaturesEpoch', type: 'int64', versions: [3, MAX], taggedVersions: [3, MAX], tag: 1, default: -1n },
      {
        name: 'finalizedFeatures', type: 'struct', array: true, versions: [3, MAX], taggedVersions: [3, MAX], tag: 2, structName: 'FinalizedFeatureKey',
        fields: [
          { name: 'name', type: 'string', versions: [3, MAX] },
          { name: 'maxVersionLevel', type: 'int16', versions: [3, MAX] },
          { name: 'minVersionLevel', type: 'int16', versions: [3, MAX] },
        ],
      },
      { name: 'zkMigrationReady', type: 'bool', versions: [3, MAX], taggedVersions: [3, MAX], tag: 3, default: false },
    ],
  },
  CreateTopicsRequest: {
    name: 'CreateTopicsRequest',
    type: 'request',
    apiKey: 19,
    validVersions: [0, 7],
    flexibleVersions: [5, MAX],
    fields: [
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'CreatableTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          { name: 'numPartitions', type: 'int32', versions: [0, MAX] },
          { name: 'replicationFactor', type: 'int16', versions: [0, MAX] },
          {
            name: 'assignments', type: 'struct', array: true, versions: [0, MAX], structName: 'CreatableReplicaAssignment',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'brokerIds', type: 'int32', array: true, versions: [0, MAX] },
            ],
          },
          {
            name: 'configs', type: 'struct', array: true, versions: [0, MAX], structName: 'CreatableTopicConfig',
            fields: [
              { name: 'name', type: 'string', versions: [0, MAX] },
              { name: 'value', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
            ],
          },
        ],
      },
      { name: 'timeoutMs', type: 'int32', versions: [0, MAX], default: 60000 },
      { name: 'validateOnly', type: 'bool', versions: [1, MAX], default: false },
    ],
  },
  CreateTopicsResponse: {
    name: 'CreateTopicsResponse',
    type: 'response',
    apiKey: 19,
    validVersions: [0, 7],
    flexibleVersions: [5, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [2, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'CreatableTopicResult',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          { name: 'topicId', type: 'uuid', versions: [7, MAX] },
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
          { name: 'errorMessage', type: 'string', versions: [1, MAX], nullableVersions: [0, MAX] },
          { name: 'topicConfigErrorCode', type: 'int16', versions: [5, MAX], taggedVersions: [5, MAX], tag: 0 },
          { name: 'numPartitions', type: 'int32', versions: [5, MAX], default: -1 },
          { name: 'replicationFactor', type: 'int16', versions: [5, MAX], default: -1 },
          {
            name: 'configs', type: 'struct', array: true, versions: [5, MAX], nullableVersions: [5, MAX], structName: 'CreatableTopicConfigs',
            fields: [
              { name: 'name', type: 'string', versions: [5, MAX] },
              { name: 'value', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX] },
              { name: 'readOnly', type: 'bool', versions: [5, MAX] },
              { name: 'configSource', type: 'int8', versions: [5, MAX], default: -1 },
              { name: 'isSensitive', type: 'bool', versions: [5, MAX] },
            ],
          },
        ],
      },
    ],
  },
  DeleteTopicsRequest: {
    name: 'DeleteTopicsRequest',
    type: 'request',
    apiKey: 20,
    validVersions: [0, 6],
    flexibleVersions: [4, MAX],
    fields: [
      {
        name: 'topics', type: 'struct', array: true, versions: [6, MAX], structName: 'DeleteTopicState',
        fields: [
          { name: 'name', type: 'string', versions: [6, MAX], nullableVersions: [6, MAX], default: null },
          { name: 'topicId', type: 'uuid', versions: [6, MAX] },
        ],
      },
      { name: 'topicNames', type: 'string', array: true, versions: [0, 5] },
      { name: 'timeoutMs', type: 'int32', versions: [0, MAX] },
    ],
  },
  DeleteTopicsResponse: {
    name: 'DeleteTopicsResponse',
    type: 'response',
    apiKey: 20,
    validVersions: [0, 6],
    flexibleVersions: [4, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [1, MAX] },
      {
        name: 'responses', type: 'struct', array: true, versions: [0, MAX], structName: 'DeletableTopicResult',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX], nullableVersions: [6, MAX] },
          { name: 'topicId', type: 'uuid', versions: [6, MAX] },
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
          { name: 'errorMessage', type: 'string', versions: [5, MAX], nullableVersions: [5, MAX], default: null },
        ],
      },
    ],
  },
  DeleteRecordsRequest: {
    name: 'DeleteRecordsRequest',
    type: 'request',
    apiKey: 21,
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'DeleteRecordsTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'DeleteRecordsPartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'offset', type: 'int64', versions: [0, MAX] },
            ],
          },
        ],
      },
      { name: 'timeoutMs', type: 'int32', versions: [0, MAX] },
    ],
  },
  DeleteRecordsResponse: {
    name: 'DeleteRecordsResponse',
    type: 'response',
    apiKey: 21,
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'DeleteRecordsTopicResult',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'DeleteRecordsPartitionResult',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'lowWatermark', type: 'int64', versions: [0, MAX] },
              { name: 'errorCode', type: 'int16', versions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  InitProducerIdRequest: {
    name: 'InitProducerIdRequest',
    type: 'request',
    apiKey: 22,
    validVersions: [0, 5],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'transactionalId', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
      { name: 'transactionTimeoutMs', type: 'int32', versions: [0, MAX] },
      { name: 'producerId', type: 'int64', versions: [3, MAX], default: -1n },
      { name: 'producerEpoch', type: 'int16', versions: [3, MAX], default: -1 },
    ],
  },
  InitProducerIdResponse: {
    name: 'InitProducerIdResponse',
    type: 'response',
    apiKey: 22,
    validVersions: [0, 5],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      { name: 'producerId', type: 'int64', versions: [0, MAX], default: -1n },
      { name: 'producerEpoch', type: 'int16', versions: [0, MAX] },
    ],
  },
  DescribeConfigsRequest: {
    name: 'DescribeConfigsRequest',
    type: 'request',
    apiKey: 32,
    validVersions: [0, 4],
    flexibleVersions: [4, MAX],
    fields: [
      {
        name: 'resources', type: 'struct', array: true, versions: [0, MAX], structName: 'DescribeConfigsResource',
        fields: [
          { name: 'resourceType', type: 'int8', versions: [0, MAX] },
          { name: 'resourceName', type: 'string', versions: [0, MAX] },
          { name: 'configurationKeys', type: 'string', array: true, versions: [0, MAX], nullableVersions: [0, MAX] },
        ],
      },
      { name: 'includeSynonyms', type: 'bool', versions: [1, MAX], default: false },
      { name: 'includeDocumentation', type: 'bool', versions: [3, MAX], default: false },
    ],
  },
  DescribeConfigsResponse: {
    name: 'DescribeConfigsResponse',
    type: 'response',
    apiKey: 32,
    validVersions: [0, 4],
    flexibleVersions: [4, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'results', type: 'struct', array: true, versions: [0, MAX], structName: 'DescribeConfigsResult',
        fields: [
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
          { name: 'errorMessage', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
          { name: 'resourceType', type: 'int8', versions: [0, MAX] },
          { name: 'resourceName', type: 'string', versions: [0, MAX] },
          {
            name: 'configs', type: 'struct', array: true, versions: [0, MAX], structName: 'DescribeConfigsResourceResult',
            fields: [
              { name: 'name', type: 'string', versions: [0, MAX] },
              { name: 'value', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
              { name: 'readOnly', type: 'bool', versions: [0, MAX] },
              { name: 'isDefault', type: 'bool', versions: [0, 0] },
              { name: 'configSource', type: 'int8', versions: [1, MAX], default: -1 },
              { name: 'isSensitive', type: 'bool', versions: [0, MAX] },
              {
                name: 'synonyms', type: 'struct', array: true, versions: [1, MAX], structName: 'DescribeConfigsSynonym',
                fields: [
                  { name: 'name', type: 'string', versions: [1, MAX] },
                  { name: 'value', type: 'string', versions: [1, MAX], nullableVersions: [0, MAX] },
                  { name: 'source', type: 'int8', versions: [1, MAX] },
                ],
              },
              { name: 'configType', type: 'int8', versions: [3, MAX], default: 0 },
              { name: 'documentation', type: 'string', versions: [3, MAX], nullableVersions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  AlterConfigsRequest: {
    name: 'AlterConfigsRequest',
    type: 'request',
    apiKey: 33,
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      {
        name: 'resources', type: 'struct', array: true, versions: [0, MAX], structName: 'AlterConfigsResource',
        fields: [
          { name: 'resourceType', type: 'int8', versions: [0, MAX] },
          { name: 'resourceName', type: 'string', versions: [0, MAX] },
          {
            name: 'configs', type: 'struct', array: true, versions: [0, MAX], structName: 'AlterableConfig',
            fields: [
              { name: 'name', type: 'string', versions: [0, MAX] },
              { name: 'value', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
            ],
          },
        ],
      },
      { name: 'validateOnly', type: 'bool', versions: [0, MAX] },
    ],
  },
  AlterConfigsResponse: {
    name: 'AlterConfigsResponse',
    type: 'response',
    apiKey: 33,
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'responses', type: 'struct', array: true, versions: [0, MAX], structName: 'AlterConfigsResourceResponse',
        fields: [
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
          { name: 'errorMessage', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
          { name: 'resourceType', type: 'int8', versions: [0, MAX] },
          { name: 'resourceName', type: 'string', versions: [0, MAX] },
        ],
      },
    ],
  },
  SaslAuthenticateRequest: {
    name: 'SaslAuthenticateRequest',
    type: 'request',
    apiKey: 36,
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'authBytes', type: 'bytes', versions: [0, MAX] },
    ],
  },
  SaslAuthenticateResponse: {
    name: 'SaslAuthenticateResponse',
    type: 'response',
    apiKey: 36,
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      { name: 'errorMessage', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
      { name: 'authBytes', type: 'bytes', versions: [0, MAX] },
      { name: 'sessionLifetimeMs', type: 'int64', versions: [1, MAX], default: 0n },
    ],
  },
  CreatePartitionsRequest: {
    name: 'CreatePartitionsRequest',
    type: 'request',
    apiKey: 37,
    validVersions: [0, 3],
    flexibleVersions: [2, MAX],
    fields: [
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'CreatePartitionsTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          { name: 'count', type: 'int32', versions: [0, MAX] },
          {
            name: 'assignments', type: 'struct', array: true, versions: [0, MAX], nullableVersions: [0, MAX], structName: 'CreatePartitionsAssignment',
            fields: [
              { name: 'brokerIds', type: 'int32', array: true, versions: [0, MAX] },
            ],
          },
        ],
      },
      { name: 'timeoutMs', type: 'int32', versions: [0, MAX] },
      { name: 'validateOnly', type: 'bool', versions: [0, MAX] },
    ],
  },
  CreatePartitionsResponse: {
    name: 'CreatePartitionsResponse',
    type: 'response',
    apiKey: 37,
    validVersions: [0, 3],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'results', type: 'struct', array: true, versions: [0, MAX], structName: 'CreatePartitionsTopicResult',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
          { name: 'errorMessage', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX], default: null },
        ],
      },
    ],
  },
  DeleteGroupsRequest: {
    name: 'DeleteGroupsRequest',
    type: 'request',
    apiKey: 42,
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'groupsNames', type: 'string', array: true, versions: [0, MAX] },
    ],
  },
  DeleteGroupsResponse: {
    name: 'DeleteGroupsResponse',
    type: 'response',
    apiKey: 42,
    validVersions: [0, 2],
    flexibleVersions: [2, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'results', type: 'struct', array: true, versions: [0, MAX], structName: 'DeletableGroupResult',
        fields: [
          { name: 'groupId', type: 'string', versions: [0, MAX] },
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
        ],
      },
    ],
  },
  IncrementalAlterConfigsRequest: {
    name: 'IncrementalAlterConfigsRequest',
    type: 'request',
    apiKey: 44,
    validVersions: [0, 1],
    flexibleVersions: [1, MAX],
    fields: [
      {
        name: 'resources', type: 'struct', array: true, versions: [0, MAX], structName: 'AlterConfigsResource',
        fields: [
          { name: 'resourceType', type: 'int8', versions: [0, MAX] },
          { name: 'resourceName', type: 'string', versions: [0, MAX] },
          {
            name: 'configs', type: 'struct', array: true, versions: [0, MAX], structName: 'AlterableConfig',
            fields: [
              { name: 'name', type: 'string', versions: [0, MAX] },
              { name: 'configOperation', type: 'int8', versions: [0, MAX] },
              { name: 'value', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
            ],
          },
        ],
      },
      { name: 'validateOnly', type: 'bool', versions: [0, MAX] },
    ],
  },
  IncrementalAlterConfigsResponse: {
    name: 'IncrementalAlterConfigsResponse',
    type: 'response',
    apiKey: 44,
    validVersions: [0, 1],
    flexibleVersions: [1, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'responses', type: 'struct', array: true, versions: [0, MAX], structName: 'AlterConfigsResourceResponse',
        fields: [
          { name: 'errorCode', type: 'int16', versions: [0, MAX] },
          { name: 'errorMessage', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
          { name: 'resourceType', type: 'int8', versions: [0, MAX] },
          { name: 'resourceName', type: 'string', versions: [0, MAX] },
        ],
      },
    ],
  },
  OffsetDeleteRequest: {
    name: 'OffsetDeleteRequest',
    type: 'request',
    apiKey: 47,
    validVersions: [0, 0],
    flexibleVersions: null,
    fields: [
      { name: 'groupId', type: 'string', versions: [0, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'OffsetDeleteRequestTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'OffsetDeleteRequestPartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  OffsetDeleteResponse: {
    name: 'OffsetDeleteResponse',
    type: 'response',
    apiKey: 47,
    validVersions: [0, 0],
    flexibleVersions: null,
    fields: [
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'OffsetDeleteResponseTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'OffsetDeleteResponsePartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'errorCode', type: 'int16', versions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  AddPartitionsToTxnRequest: {
    name: 'AddPartitionsToTxnRequest',
    type: 'request',
    apiKey: 24,
    validVersions: [0, 5],
    flexibleVersions: [3, MAX],
    fields: [
      {
        name: 'transactions', type: 'struct', array: true, versions: [4, MAX], structName: 'AddPartitionsToTxnTransaction',
        fields: [
          { name: 'transactionalId', type: 'string', versions: [4, MAX] },
          { name: 'producerId', type: 'int64', versions: [4, MAX] },
          { name: 'producerEpoch', type: 'int16', versions: [4, MAX] },
          { name: 'verifyOnly', type: 'bool', versions: [4, MAX], default: false },
          {
            name: 'topics', type: 'struct', array: true, versions: [4, MAX], structName: 'AddPartitionsToTxnTopic',
            fields: [
              { name: 'name', type: 'string', versions: [0, MAX] },
              { name: 'partitions', type: 'int32', array: true, versions: [0, MAX] },
            ],
          },
        ],
      },
      { name: 'v3AndBelowTransactionalId', type: 'string', versions: [0, 3] },
      { name: 'v3AndBelowProducerId', type: 'int64', versions: [0, 3] },
      { name: 'v3AndBelowProducerEpoch', type: 'int16', versions: [0, 3] },
      {
        name: 'v3AndBelowTopics', type: 'struct', array: true, versions: [0, 3], structName: 'AddPartitionsToTxnTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          { name: 'partitions', type: 'int32', array: true, versions: [0, MAX] },
        ],
      },
    ],
  },
  AddPartitionsToTxnResponse: {
    name: 'AddPartitionsToTxnResponse',
    type: 'response',
    apiKey: 24,
    validVersions: [0, 5],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      { name: 'errorCode', type: 'int16', versions: [4, MAX] },
      {
        name: 'resultsByTransaction', type: 'struct', array: true, versions: [4, MAX], structName: 'AddPartitionsToTxnResult',
        fields: [
          { name: 'transactionalId', type: 'string', versions: [4, MAX] },
          {
            name: 'topicResults', type: 'struct', array: true, versions: [4, MAX], structName: 'AddPartitionsToTxnTopicResult',
            fields: [
              { name: 'name', type: 'string', versions: [0, MAX] },
              {
                name: 'resultsByPartition', type: 'struct', array: true, versions: [0, MAX], structName: 'AddPartitionsToTxnPartitionResult',
                fields: [
                  { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
                  { name: 'partitionErrorCode', type: 'int16', versions: [0, MAX] },
                ],
              },
            ],
          },
        ],
      },
      {
        name: 'resultsByTopicV3AndBelow', type: 'struct', array: true, versions: [0, 3], structName: 'AddPartitionsToTxnTopicResult',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'resultsByPartition', type: 'struct', array: true, versions: [0, MAX], structName: 'AddPartitionsToTxnPartitionResult',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'partitionErrorCode', type: 'int16', versions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  AddOffsetsToTxnRequest: {
    name: 'AddOffsetsToTxnRequest',
    type: 'request',
    apiKey: 25,
    validVersions: [0, 4],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'transactionalId', type: 'string', versions: [0, MAX] },
      { name: 'producerId', type: 'int64', versions: [0, MAX] },
      { name: 'producerEpoch', type: 'int16', versions: [0, MAX] },
      { name: 'groupId', type: 'string', versions: [0, MAX] },
    ],
  },
  AddOffsetsToTxnResponse: {
    name: 'AddOffsetsToTxnResponse',
    type: 'response',
    apiKey: 25,
    validVersions: [0, 4],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
    ],
  },
  EndTxnRequest: {
    name: 'EndTxnRequest',
    type: 'request',
    apiKey: 26,
    validVersions: [0, 5],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'transactionalId', type: 'string', versions: [0, MAX] },
      { name: 'producerId', type: 'int64', versions: [0, MAX] },
      { name: 'producerEpoch', type: 'int16', versions: [0, MAX] },
      { name: 'committed', type: 'bool', versions: [0, MAX] },
    ],
  },
  EndTxnResponse: {
    name: 'EndTxnResponse',
    type: 'response',
    apiKey: 26,
    validVersions: [0, 5],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      { name: 'errorCode', type: 'int16', versions: [0, MAX] },
      { name: 'producerId', type: 'int64', versions: [5, MAX], default: -1n },
      { name: 'producerEpoch', type: 'int16', versions: [5, MAX], default: -1 },
    ],
  },
  TxnOffsetCommitRequest: {
    name: 'TxnOffsetCommitRequest',
    type: 'request',
    apiKey: 28,
    validVersions: [0, 4],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'transactionalId', type: 'string', versions: [0, MAX] },
      { name: 'groupId', type: 'string', versions: [0, MAX] },
      { name: 'producerId', type: 'int64', versions: [0, MAX] },
      { name: 'producerEpoch', type: 'int16', versions: [0, MAX] },
      { name: 'generationId', type: 'int32', versions: [3, MAX], default: -1 },
      { name: 'memberId', type: 'string', versions: [3, MAX], default: "" },
      { name: 'groupInstanceId', type: 'string', versions: [3, MAX], nullableVersions: [3, MAX], default: null },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'TxnOffsetCommitRequestTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'TxnOffsetCommitRequestPartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'committedOffset', type: 'int64', versions: [0, MAX] },
              { name: 'committedLeaderEpoch', type: 'int32', versions: [2, MAX], default: -1 },
              { name: 'committedMetadata', type: 'string', versions: [0, MAX], nullableVersions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
  TxnOffsetCommitResponse: {
    name: 'TxnOffsetCommitResponse',
    type: 'response',
    apiKey: 28,
    validVersions: [0, 4],
    flexibleVersions: [3, MAX],
    fields: [
      { name: 'throttleTimeMs', type: 'int32', versions: [0, MAX] },
      {
        name: 'topics', type: 'struct', array: true, versions: [0, MAX], structName: 'TxnOffsetCommitResponseTopic',
        fields: [
          { name: 'name', type: 'string', versions: [0, MAX] },
          {
            name: 'partitions', type: 'struct', array: true, versions: [0, MAX], structName: 'TxnOffsetCommitResponsePartition',
            fields: [
              { name: 'partitionIndex', type: 'int32', versions: [0, MAX] },
              { name: 'errorCode', type: 'int16', versions: [0, MAX] },
            ],
          },
        ],
      },
    ],
  },
};

/** Request and response types of every API, by API name. */
export interface ApiMessages {
  Produce: { request: ProduceRequest; response: ProduceResponse };
  Fetch: { request: FetchRequest; response: FetchResponse };
  ListOffsets: { request: ListOffsetsRequest; response: ListOffsetsResponse };
  Metadata: { request: MetadataRequest; response: MetadataResponse };
  OffsetCommit: { request: OffsetCommitRequest; response: OffsetCommitResponse };
  OffsetFetch: { request: OffsetFetchRequest; response: OffsetFetchResponse };
  FindCoordinator: { request: FindCoordinatorRequest; response: FindCoordinatorResponse };
  JoinGroup: { request: JoinGroupRequest; response: JoinGroupResponse };
  Heartbeat: { request: HeartbeatRequest; response: HeartbeatResponse };
  LeaveGroup: { request: LeaveGroupRequest; response: LeaveGroupResponse };
  SyncGroup: { request: SyncGroupRequest; response: SyncGroupResponse };
  DescribeGroups: { request: DescribeGroupsRequest; response: DescribeGroupsResponse };
  ListGroups: { request: ListGroupsRequest; response: ListGroupsResponse };
  SaslHandshake: { request: SaslHandshakeRequest; response: SaslHandshakeResponse };
  ApiVersions: { request: ApiVersionsRequest; response: ApiVersionsResponse };
  CreateTopics: { request: CreateTopicsRequest; response: CreateTopicsResponse };
  DeleteTopics: { request: DeleteTopicsRequest; response: DeleteTopicsResponse };
  DeleteRecords: { request: DeleteRecordsRequest; response: DeleteRecordsResponse };
  InitProducerId: { request: InitProducerIdRequest; response: InitProducerIdResponse };
  AddPartitionsToTxn: { request: AddPartitionsToTxnRequest; response: AddPartitionsToTxnResponse };
  AddOffsetsToTxn: { request: AddOffsetsToTxnRequest; response: AddOffsetsToTxnResponse };
  EndTxn: { request: EndTxnRequest; response: EndTxnResponse };
  TxnOffsetCommit: { request: TxnOffsetCommitRequest; response: TxnOffsetCommitResponse };
  DescribeConfigs: { request: DescribeConfigsRequest; response: DescribeConfigsResponse };
  AlterConfigs: { request: AlterConfigsRequest; response: AlterConfigsResponse };
  SaslAuthenticate: { request: SaslAuthenticateRequest; response: SaslAuthenticateResponse };
  CreatePartitions: { request: CreatePartitionsRequest; response: CreatePartitionsResponse };
  DeleteGroups: { request: DeleteGroupsRequest; response: DeleteGroupsResponse };
  IncrementalAlterConfigs: { request: IncrementalAlterConfigsRequest; response: IncrementalAlterConfigsResponse };
  OffsetDelete: { request: OffsetDeleteRequest; response: OffsetDeleteResponse };
}

export interface RequestHeader {
  requestApiKey: number;
  requestApiVersion: number;
  correlationId: number;
  clientId?: string | null;
}

export interface ResponseHeader {
  correlationId: number;
}

export interface ProduceRequestPartitionProduceData {
  index: number;
  records: Buffer | null;
}

export interface ProduceRequestTopicProduceData {
  name: string;
  partitionData: ProduceRequestPartitionProduceData[];
}

export interface ProduceRequest {
  transactionalId?: string | null;
  acks: number;
  timeoutMs: number;
  topicData: ProduceRequestTopicProduceData[];
}

export interface ProduceResponseBatchIndexAndErrorMessage {
  batchIndex: number;
  batchIndexErrorMessage: string | null;
}

export interface ProduceResponseLeaderIdAndEpoch {
  leaderId: number;
  leaderEpoch: number;
}

export interface ProduceResponsePartitionProduceResponse {
  index: number;
  errorCode: number;
  baseOffset: bigint;
  logAppendTimeMs?: bigint;
  logStartOffset?: bigint;
  recordErrors?: ProduceResponseBatchIndexAndErrorMessage[];
  errorMessage?: string | null;
  currentLeader?: ProduceResponseLeaderIdAndEpoch;
}

export interface ProduceResponseTopicProduceResponse {
  name: string;
  partitionResponses: ProduceResponsePartitionProduceResponse[];
}

export interface ProduceResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface ProduceResponse {
  responses: ProduceResponseTopicProduceResponse[];
  throttleTimeMs?: number;
  nodeEndpoints?: ProduceResponseNodeEndpoint[];
}

export interface FetchRequestReplicaState {
  replicaId: number;
  replicaEpoch: bigint;
}

export interface FetchPartition {
  partition: number;
  currentLeaderEpoch?: number;
  fetchOffset: bigint;
  lastFetchedEpoch?: number;
  logStartOffset?: bigint;
  partitionMaxBytes: number;
  replicaDirectoryId?: string;
}

export interface FetchTopic {
  topic?: string;
  topicId?: string;
  partitions: FetchPartition[];
}

export interface FetchRequestForgottenTopic {
  topic?: string;
  topicId?: string;
  partitions: number[];
}

export interface FetchRequest {
  clusterId?: string | null;
  replicaId?: number;
  replicaState?: FetchRequestReplicaState;
  maxWaitMs: number;
  minBytes: number;
  maxBytes?: number;
  isolationLevel?: number;
  sessionId?: number;
  sessionEpoch?: number;
  topics: FetchTopic[];
  forgottenTopicsData?: FetchRequestForgottenTopic[];
  rackId?: string;
}

export interface FetchResponseEpochEndOffset {
  epoch: number;
  endOffset: bigint;
}

export interface FetchResponseLeaderIdAndEpoch {
  leaderId: number;
  leaderEpoch: number;
}

export interface FetchResponseSnapshotId {
  endOffset: bigint;
  epoch: number;
}

export interface FetchResponseAbortedTransaction {
  producerId: bigint;
  firstOffset: bigint;
}

export interface FetchResponsePartitionData {
  partitionIndex: number;
  errorCode: number;
  highWatermark: bigint;
  lastStableOffset?: bigint;
  logStartOffset?: bigint;
  divergingEpoch?: FetchResponseEpochEndOffset;
  currentLeader?: FetchResponseLeaderIdAndEpoch;
  snapshotId?: FetchResponseSnapshotId;
  abortedTransactions?: FetchResponseAbortedTransaction[] | null;
  preferredReadReplica?: number;
  records: RecordsData | null;
}

export interface FetchableTopicResponse {
  topic?: string;
  topicId?: string;
  partitions: FetchResponsePartitionData[];
}

export interface FetchResponseNodeEndpoint {
  nodeId: number;
  host: string;
  port: number;
  rack: string | null;
}

export interface FetchResponse {
  throttleTimeMs?: number;
  errorCode?: number;
  sessionId?: number;
  responses: FetchableTopicResponse[];
  nodeEndpoints?: FetchResponseNodeEndpoint[];
}

export interface ListOffsetsPartition {
  partitionIndex: number;
  currentLeaderEpoch?: number;
  timestamp: bigint;
  maxNumOffsets?: number;
}

export interface ListOffsetsTopic {
  name: string;
  partitions: ListOffsetsPartition[];
}

export interface ListOffsetsRequest {
  replicaId: number;
  isolationLevel?: number;
  topics: ListOffsetsTopic[];
  timeoutMs?: number;
}

export interface ListOffsetsPartitionResponse {
  partitionIndex: number;
  errorCode: number;
  oldStyleOffsets?: bigint[];
  timestamp?: bigint;
  offset?: bigint;
  leaderEpoch?: number;
}

export interface ListOffsetsTopicResponse {
  name: string;
  partitions: ListOffsetsPartitionResponse[];
}

export interface ListOffsetsResponse {
  throttleTimeMs?: number;
  topics: ListOffsetsTopicResponse[];
}

export interface MetadataRequestTopic {
  topicId?: string;
  name: string | null;
}

export interface MetadataRequest {
  topics: MetadataRequestTopic[] | null;
  allowAutoTopicCreation?: boolean;
  includeClusterAuthorizedOperations?: boolean;
  includeTopicAuthorizedOperations?: boolean;
}

export interface MetadataResponseBroker {
  nodeId: number;
  host: string;
  port: number;
  rack?: string | null;
}

export interface MetadataResponsePartition {
  errorCode: number;
  partitionIndex: number;
  leaderId: number;
  leaderEpoch?: number;
  replicaNodes: number[];
  isrNodes: number[];
  offlineReplicas?: number[];
}

export interface MetadataResponseTopic {
  errorCode: number;
  name: string | null;
  topicId?: string;
  isInternal?: boolean;
  partitions: MetadataResponsePartition[];
  topicAuthorizedOperations?: number;
}

export interface MetadataResponse {
  throttleTimeMs?: number;
  brokers: MetadataResponseBroker[];
  clusterId?: string | null;
  controllerId?: number;
  topics: MetadataResponseTopic[];
  clusterAuthorizedOperations?: number;
}

export interface OffsetCommitRequestPartition {
  partitionIndex: number;
  committedOffset: bigint;
  committedLeaderEpoch?: number;
  commitTimestamp?: bigint;
  committedMetadata: string | null;
}

export interface OffsetCommitRequestTopic {
  name: string;
  partitions: OffsetCommitRequestPartition[];
}

export interface OffsetCommitRequest {
  groupId: string;
  generationIdOrMemberEpoch?: number;
  memberId?: string;
  groupInstanceId?: string | null;
  retentionTimeMs?: bigint;
  topics: OffsetCommitRequestTopic[];
}

export interface OffsetCommitResponsePartition {
  partitionIndex: number;
  errorCode: number;
}

export interface OffsetCommitResponseTopic {
  name: string;
  partitions: OffsetCommitResponsePartition[];
}

export interface OffsetCommitResponse {
  throttleTimeMs?: number;
  topics: OffsetCommitResponseTopic[];
}

export interface OffsetFetchRequestTopic {
  name: string;
  partitionIndexes: number[];
}

export interface OffsetFetchRequestTopics {
  name: string;
  partitionIndexes: number[];
}

export interface OffsetFetchRequestGroup {
  groupId: string;
  memberId?: string | null;
  memberEpoch?: number;
  topics: OffsetFetchRequestTopics[] | null;
}

export interface OffsetFetchRequest {
  groupId?: string;
  topics?: OffsetFetchRequestTopic[] | null;
  groups?: OffsetFetchRequestGroup[];
  requireStable?: boolean;
}

export interface OffsetFetchResponsePartition {
  partitionIndex: number;
  committedOffset: bigint;
  committedLeaderEpoch?: number;
  metadata: string | null;
  errorCode: number;
}

export interface OffsetFetchResponseTopic {
  name: string;
  partitions: OffsetFetchResponsePartition[];
}

export interface OffsetFetchResponsePartitions {
  partitionIndex: number;
  committedOffset: bigint;
  committedLeaderEpoch: number;
  metadata: string | null;
  errorCode: number;
}

export interface OffsetFetchResponseTopics {
  name: string;
  partitions: OffsetFetchResponsePartitions[];
}

export interface OffsetFetchResponseGroup {
  groupId: string;
  topics: OffsetFetchResponseTopics[];
  errorCode: number;
}

export interface OffsetFetchResponse {
  throttleTimeMs?: number;
  topics?: OffsetFetchResponseTopic[];
  errorCode?: number;
  groups?: OffsetFetchResponseGroup[];
}

export interface FindCoordinatorRequest {
  key?: string;
  keyType?: number;
  coordinatorKeys?: string[];
}

export interface FindCoordinatorResponseCoordinator {
  key: string;
  nodeId: number;
  host: string;
  port: number;
  errorCode: number;
  errorMessage: string | null;
}

export interface FindCoordinatorResponse {
  throttleTimeMs?: number;
  errorCode?: number;
  errorMessage?: string | null;
  nodeId?: number;
  host?: string;
  port?: number;
  coordinators?: FindCoordinatorResponseCoordinator[];
}

export interface JoinGroupRequestProtocol {
  name: string;
  metadata: Buffer;
}

export interface JoinGroupRequest {
  groupId: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs?: number;
  memberId: string;
  groupInstanceId?: string | null;
  protocolType: string;
  protocols: JoinGroupRequestProtocol[];
  reason?: string | null;
}

export interface JoinGroupResponseMember {
  memberId: string;
  groupInstanceId?: string | null;
  metadata: Buffer;
}

export interface JoinGroupResponse {
  throttleTimeMs?: number;
  errorCode: number;
  generationId: number;
  protocolType?: string | null;
  protocolName: string | null;
  leader: string;
  skipAssignment?: boolean;
  memberId: string;
  members: JoinGroupResponseMember[];
}

export interface HeartbeatRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string | null;
}

export interface HeartbeatResponse {
  throttleTimeMs?: number;
  errorCode: number;
}

export interface LeaveGroupRequestMemberIdentity {
  memberId: string;
  groupInstanceId: string | null;
  reason?: string | null;
}

export interface LeaveGroupRequest {
  groupId: string;
  memberId?: string;
  members?: LeaveGroupRequestMemberIdentity[];
}

export interface LeaveGroupResponseMemberResponse {
  memberId: string;
  groupInstanceId: string | null;
  errorCode: number;
}

export interface LeaveGroupResponse {
  throttleTimeMs?: number;
  errorCode: number;
  members?: LeaveGroupResponseMemberResponse[];
}

export interface SyncGroupRequestAssignment {
  memberId: string;
  assignment: Buffer;
}

export interface SyncGroupRequest {
  groupId: string;
  generationId: number;
  memberId: string;
  groupInstanceId?: string | null;
  protocolType?: string | null;
  protocolName?: string | null;
  assignments: SyncGroupRequestAssignment[];
}

export interface SyncGroupResponse {
  throttleTimeMs?: number;
  errorCode: number;
  protocolType?: string | null;
  protocolName?: string | null;
  assignment: Buffer;
}

export interface DescribeGroupsRequest {
  groups: string[];
  includeAuthorizedOperations?: boolean;
}

export interface DescribeGroupsResponseDescribedGroupMember {
  memberId: string;
  groupInstanceId?: string | null;
  clientId: string;
  clientHost: string;
  memberMetadata: Buffer;
  memberAssignment: Buffer;
}

export interface DescribeGroupsResponseDescribedGroup {
  errorCode: number;
  groupId: string;
  groupState: string;
  protocolType: string;
  protocolData: string;
  members: DescribeGroupsResponseDescribedGroupMember[];
  authorizedOperations?: number;
}

export interface DescribeGroupsResponse {
  throttleTimeMs?: number;
  groups: DescribeGroupsResponseDescribedGroup[];
}

export interface ListGroupsRequest {
  statesFilter?: string[];
  typesFilter?: string[];
}

export interface ListGroupsResponseListedGroup {
  groupId: string;
  protocolType: string;
  groupState?: string;
  groupType?: string;
}

export interface ListGroupsResponse {
  throttleTimeMs?: number;
  errorCode: number;
  groups: ListGroupsResponseListedGroup[];
}

export interface SaslHandshakeRequest {
  mechanism: string;
}

export interface SaslHandshakeResponse {
  errorCode: number;
  mechanisms: string[];
}

export interface ApiVersionsRequest {
  clientSoftwareName?: string;
  clientSoftwareVersion?: string;
}

export interface ApiVersionsResponseApiVersion {
  apiKey: number;
  minVersion: number;
  maxVersion: number;
}

export interface ApiVersionsResponseSupportedFeatureKey {
  name: string;
  minVersion: number;
  maxVersion: number;
}

export interface ApiVersionsResponseFinalizedFeatureKey {
  name: string;
  maxVersionLevel: number;
  minVersionLevel: number;
}

export interface ApiVersionsResponse {
  errorCode: number;
  apiKeys: ApiVersionsResponseApiVersion[];
  throttleTimeMs?: number;
  supportedFeatures?: ApiVersionsResponseSupportedFeatureKey[];
  finalizedFeaturesEpoch?: bigint;
  finalizedFeatures?: ApiVersionsResponseFinalizedFeatureKey[];
  zkMigrationReady?: boolean;
}

export interface CreateTopicsRequestCreatableReplicaAssignment {
  partitionIndex: number;
  brokerIds: number[];
}

export interface CreateTopicsRequestCreatableTopicConfig {
  name: string;
  value: string | null;
}

export interface CreateTopicsRequestCreatableTopic {
  name: string;
  numPartitions: number;
  replicationFactor: number;
  assignments: CreateTopicsRequestCreatableReplicaAssignment[];
  configs: CreateTopicsRequestCreatableTopicConfig[];
}

export interface CreateTopicsRequest {
  topics: CreateTopicsRequestCreatableTopic[];
  timeoutMs: number;
  validateOnly?: boolean;
}

export interface CreateTopicsResponseCreatableTopicConfigs {
  name: string;
  value: string | null;
  readOnly: boolean;
  configSource: number;
  isSensitive: boolean;
}

export interface CreateTopicsResponseCreatableTopicResult {
  name: string;
  topicId?: string;
  errorCode: number;
  errorMessage?: string | null;
  topicConfigErrorCode?: number;
  numPartitions?: number;
  replicationFactor?: number;
  configs?: CreateTopicsResponseCreatableTopicConfigs[] | null;
}

export interface CreateTopicsResponse {
  throttleTimeMs?: number;
  topics: CreateTopicsResponseCreatableTopicResult[];
}

export interface DeleteTopicsRequestDeleteTopicState {
  name: string | null;
  topicId: string;
}

export interface DeleteTopicsRequest {
  topics?: DeleteTopicsRequestDeleteTopicState[];
  topicNames?: string[];
  timeoutMs: number;
}

export interface DeleteTopicsResponseDeletableTopicResult {
  name: string | null;
  topicId?: string;
  errorCode: number;
  errorMessage?: string | null;
}

export interface DeleteTopicsResponse {
  throttleTimeMs?: number;
  responses: DeleteTopicsResponseDeletableTopicResult[];
}

export interface DeleteRecordsPartition {
  partitionIndex: number;
  offset: bigint;
}

export interface DeleteRecordsTopic {
  name: string;
  partitions: DeleteRecordsPartition[];
}

export interface DeleteRecordsRequest {
  topics: DeleteRecordsTopic[];
  timeoutMs: number;
}

export interface DeleteRecordsPartitionResult {
  partitionIndex: number;
  lowWatermark: bigint;
  errorCode: number;
}

export interface DeleteRecordsTopicResult {
  name: string;
  partitions: DeleteRecordsPartitionResult[];
}

export interface DeleteRecordsResponse {
  throttleTimeMs: number;
  topics: DeleteRecordsTopicResult[];
}

export interface InitProducerIdRequest {
  transactionalId: string | null;
  transactionTimeoutMs: number;
  producerId?: bigint;
  producerEpoch?: number;
}

export interface InitProducerIdResponse {
  throttleTimeMs: number;
  errorCode: number;
  producerId: bigint;
  producerEpoch: number;
}

export interface DescribeConfigsResource {
  resourceType: number;
  resourceName: string;
  configurationKeys: string[] | null;
}

export interface DescribeConfigsRequest {
  resources: DescribeConfigsResource[];
  includeSynonyms?: boolean;
  includeDocumentation?: boolean;
}

export interface DescribeConfigsSynonym {
  name: string;
  value: string | null;
  source: number;
}

export interface DescribeConfigsResourceResult {
  name: string;
  value: string | null;
  readOnly: boolean;
  isDefault?: boolean;
  configSource?: number;
  isSensitive: boolean;
  synonyms?: DescribeConfigsSynonym[];
  configType?: number;
  documentation?: string | null;
}

export interface DescribeConfigsResult {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
  configs: DescribeConfigsResourceResult[];
}

export interface DescribeConfigsResponse {
  throttleTimeMs: number;
  results: DescribeConfigsResult[];
}

export interface AlterConfigsRequestAlterableConfig {
  name: string;
  value: string | null;
}

export interface AlterConfigsResource {
  resourceType: number;
  resourceName: string;
  configs: AlterConfigsRequestAlterableConfig[];
}

export interface AlterConfigsRequest {
  resources: AlterConfigsResource[];
  validateOnly: boolean;
}

export interface AlterConfigsResourceResponse {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
}

export interface AlterConfigsResponse {
  throttleTimeMs: number;
  responses: AlterConfigsResourceResponse[];
}

export interface SaslAuthenticateRequest {
  authBytes: Buffer;
}

export interface SaslAuthenticateResponse {
  errorCode: number;
  errorMessage: string | null;
  authBytes: Buffer;
  sessionLifetimeMs?: bigint;
}

export interface CreatePartitionsAssignment {
  brokerIds: number[];
}

export interface CreatePartitionsTopic {
  name: string;
  count: number;
  assignments: CreatePartitionsAssignment[] | null;
}

export interface CreatePartitionsRequest {
  topics: CreatePartitionsTopic[];
  timeoutMs: number;
  validateOnly: boolean;
}

export interface CreatePartitionsTopicResult {
  name: string;
  errorCode: number;
  errorMessage: string | null;
}

export interface CreatePartitionsResponse {
  throttleTimeMs: number;
  results: CreatePartitionsTopicResult[];
}

export interface DeleteGroupsRequest {
  groupsNames: string[];
}

export interface DeleteGroupsResponseDeletableGroupResult {
  groupId: string;
  errorCode: number;
}

export interface DeleteGroupsResponse {
  throttleTimeMs: number;
  results: DeleteGroupsResponseDeletableGroupResult[];
}

export interface IncrementalAlterConfigsRequestAlterableConfig {
  name: string;
  configOperation: number;
  value: string | null;
}

export interface IncrementalAlterConfigsRequestAlterConfigsResource {
  resourceType: number;
  resourceName: string;
  configs: IncrementalAlterConfigsRequestAlterableConfig[];
}

export interface IncrementalAlterConfigsRequest {
  resources: IncrementalAlterConfigsRequestAlterConfigsResource[];
  validateOnly: boolean;
}

export interface IncrementalAlterConfigsResponseAlterConfigsResourceResponse {
  errorCode: number;
  errorMessage: string | null;
  resourceType: number;
  resourceName: string;
}

export interface IncrementalAlterConfigsResponse {
  throttleTimeMs: number;
  responses: IncrementalAlterConfigsResponseAlterConfigsResourceResponse[];
}

export interface OffsetDeleteRequestPartition {
  partitionIndex: number;
}

export interface OffsetDeleteRequestTopic {
  name: string;
  partitions: OffsetDeleteRequestPartition[];
}

export interface OffsetDeleteRequest {
  groupId: string;
  topics: OffsetDeleteRequestTopic[];
}

export interface OffsetDeleteResponsePartition {
  partitionIndex: number;
  errorCode: number;
}

export interface OffsetDeleteResponseTopic {
  name: string;
  partitions: OffsetDeleteResponsePartition[];
}

export interface OffsetDeleteResponse {
  errorCode: number;
  throttleTimeMs: number;
  topics: OffsetDeleteResponseTopic[];
}

export interface AddPartitionsToTxnTopic {
  name: string;
  partitions: number[];
}

export interface AddPartitionsToTxnTransaction {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  verifyOnly: boolean;
  topics: AddPartitionsToTxnTopic[];
}

export interface AddPartitionsToTxnRequestAddPartitionsToTxnTopic {
  name: string;
  partitions: number[];
}

export interface AddPartitionsToTxnRequest {
  transactions?: AddPartitionsToTxnTransaction[];
  v3AndBelowTransactionalId?: string;
  v3AndBelowProducerId?: bigint;
  v3AndBelowProducerEpoch?: number;
  v3AndBelowTopics?: AddPartitionsToTxnRequestAddPartitionsToTxnTopic[];
}

export interface AddPartitionsToTxnPartitionResult {
  partitionIndex: number;
  partitionErrorCode: number;
}

export interface AddPartitionsToTxnTopicResult {
  name: string;
  resultsByPartition: AddPartitionsToTxnPartitionResult[];
}

export interface AddPartitionsToTxnResult {
  transactionalId: string;
  topicResults: AddPartitionsToTxnTopicResult[];
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult {
  partitionIndex: number;
  partitionErrorCode: number;
}

export interface AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult {
  name: string;
  resultsByPartition: AddPartitionsToTxnResponseAddPartitionsToTxnPartitionResult[];
}

export interface AddPartitionsToTxnResponse {
  throttleTimeMs: number;
  errorCode?: number;
  resultsByTransaction?: AddPartitionsToTxnResult[];
  resultsByTopicV3AndBelow?: AddPartitionsToTxnResponseAddPartitionsToTxnTopicResult[];
}

export interface AddOffsetsToTxnRequest {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  groupId: string;
}

export interface AddOffsetsToTxnResponse {
  throttleTimeMs: number;
  errorCode: number;
}

export interface EndTxnRequest {
  transactionalId: string;
  producerId: bigint;
  producerEpoch: number;
  committed: boolean;
}

export interface EndTxnResponse {
  throttleTimeMs: number;
  errorCode: number;
  producerId?: bigint;
  producerEpoch?: number;
}

export interface TxnOffsetCommitRequestPartition {
  partitionIndex: number;
  committedOffset: bigint;
  committedLeaderEpoch?: number;
  committedMetadata: string | null;
}

export interface TxnOffsetCommitRequestTopic {
  name: string;
  partitions: TxnOffsetCommitRequestPartition[];
}

export interface TxnOffsetCommitRequest {
  transactionalId: string;
  groupId: string;
  producerId: bigint;
  producerEpoch: number;
  generationId?: number;
  memberId?: string;
  groupInstanceId?: string | null;
  topics: TxnOffsetCommitRequestTopic[];
}

export interface TxnOffsetCommitResponsePartition {
  partitionIndex: number;
  errorCode: number;
}

export interface TxnOffsetCommitResponseTopic {
  name: string;
  partitions: TxnOffsetCommitResponsePartition[];
}

export interface TxnOffsetCommitResponse {
  throttleTimeMs: number;
  topics: TxnOffsetCommitResponseTopic[];
}
