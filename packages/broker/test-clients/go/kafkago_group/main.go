// Compatibility client: segmentio/kafka-go 0.2.1 (Debian) as its README tutorial uses it with a consumer group.
// Usage: kafkago_group produce <broker> <topic> <count> | kafkago_group read <broker> <topic> <group> <count>
// "read" prints one JSON object per message, in the order ReadMessage returned them.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	kafka "github.com/segmentio/kafka-go"
)

func main() {
	if len(os.Args) < 5 {
		fail("usage: kafkago_group produce|read <broker> <topic> ...")
	}
	broker, topic := os.Args[2], os.Args[3]
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	switch os.Args[1] {
	case "produce":
		count, _ := strconv.Atoi(os.Args[4])
		// As the tutorial: one WriteMessages call (each call waits out the writer's 1 s batch timeout).
		w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{broker}, Topic: topic, Balancer: &kafka.LeastBytes{}})
		msgs := make([]kafka.Message, count)
		for i := range msgs {
			msgs[i] = kafka.Message{Key: []byte(fmt.Sprintf("Key-%d", i)), Value: []byte(fmt.Sprintf("message %d", i))}
		}
		if err := w.WriteMessages(ctx, msgs...); err != nil {
			fail("write: " + err.Error())
		}
		if err := w.Close(); err != nil {
			fail("close writer: " + err.Error())
		}
	case "read":
		group := os.Args[4]
		count, _ := strconv.Atoi(os.Args[5])
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{broker}, Topic: topic, GroupID: group, MinBytes: 1, MaxBytes: 10e6})
		out := json.NewEncoder(os.Stdout)
		for i := 0; i < count; i++ {
			m, err := r.ReadMessage(ctx)
			if err != nil {
				fail("read: " + err.Error())
			}
			out.Encode(map[string]interface{}{"offset": m.Offset, "key": string(m.Key), "value": string(m.Value), "partition": m.Partition})
		}
		if err := r.Close(); err != nil {
			fail("close reader: " + err.Error())
		}
	default:
		fail("unknown command " + os.Args[1])
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}
