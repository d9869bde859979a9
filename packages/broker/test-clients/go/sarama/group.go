// Committing offsets with sarama 1.22.1 (Debian):
//   offsets: a partition consumer of partition 0 driven by sarama's OffsetManager: resumes at the group's
//     committed offset (oldest when none), reads count messages, marks each, and commits on close.
//   group (with -version 2.0.0): sarama's ConsumerGroup API: joins the group, reads count messages in
//     total, marks them, leaves.
// Both print one JSON object per message read.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/Shopify/sarama"
)

var out = json.NewEncoder(os.Stdout)

func offsets(config *sarama.Config, broker, topic, group string, count int) {
	client, err := sarama.NewClient([]string{broker}, config)
	check(err, "client")
	om, err := sarama.NewOffsetManagerFromClient(group, client)
	check(err, "offset manager")
	pom, err := om.ManagePartition(topic, 0)
	check(err, "manage partition")
	next, _ := pom.NextOffset()
	consumer, err := sarama.NewConsumerFromClient(client)
	check(err, "consumer")
	pc, err := consumer.ConsumePartition(topic, 0, next)
	check(err, "consume partition")
	for i := 0; i < count; i++ {
		select {
		case m := <-pc.Messages():
			out.Encode(map[string]interface{}{"offset": m.Offset, "value": string(m.Value)})
			pom.MarkOffset(m.Offset+1, fmt.Sprintf("by sarama at %d", m.Offset))
		case <-time.After(30 * time.Second):
			fail("timed out reading")
		}
	}
	check(pc.Close(), "close partition consumer")
	check(pom.Close(), "close partition offset manager")
	check(om.Close(), "close offset manager")
	check(client.Close(), "close client")
}

type handler struct {
	mu     sync.Mutex
	left   int
	done   chan struct{}
	closed bool
}

func (h *handler) Setup(sarama.ConsumerGroupSession) error   { return nil }
func (h *handler) Cleanup(sarama.ConsumerGroupSession) error { return nil }
func (h *handler) ConsumeClaim(s sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		h.mu.Lock()
		if h.left > 0 {
			out.Encode(map[string]interface{}{"partition": m.Partition, "offset": m.Offset, "value": string(m.Value)})
			s.MarkMessage(m, "")
			h.left--
			if h.left == 0 && !h.closed {
				h.closed = true
				close(h.done)
			}
		}
		h.mu.Unlock()
	}
	return nil
}

func consumeGroup(config *sarama.Config, broker, topic, group string, count int) {
	cg, err := sarama.NewConsumerGroup([]string{broker}, group, config)
	check(err, "consumer group")
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	h := &handler{left: count, done: make(chan struct{})}
	go func() {
		for ctx.Err() == nil {
			if err := cg.Consume(ctx, []string{topic}, h); err != nil && ctx.Err() == nil {
				fail("consume: " + err.Error())
			}
		}
	}()
	select {
	case <-h.done:
	case <-ctx.Done():
		fail("timed out reading")
	}
	cancel()
	check(cg.Close(), "close consumer group")
}
