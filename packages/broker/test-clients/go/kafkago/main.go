// Compatibility client: segmentio/kafka-go as Debian ships it (0.2.1), used the way its tutorial does.
// Usage: kafkago produce <broker> <topic> <count> | kafkago read <broker> <topic> <partition> <count>
// Prints one JSON object per message read, so the test can compare exactly.
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
		fail("usage: kafkago produce|read <broker> <topic> ...")
	}
	broker, topic := os.Args[2], os.Args[3]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	switch os.Args[1] {
	case "produce":
		count, _ := strconv.Atoi(os.Args[4])
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
		partition, _ := strconv.Atoi(os.Args[4])
		count, _ := strconv.Atoi(os.Args[5])
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{broker}, Topic: topic, Partition: partition, MinBytes: 1, MaxBytes: 10e6})
		if err := r.SetOffset(0); err != nil {
			fail("set offset: " + err.Error())
		}
		out := json.NewEncoder(os.Stdout)
		for i := 0; i < count; i++ {
			m, err := r.ReadMessage(ctx)
			if err != nil {
				fail("read: " + err.Error())
			}
			out.Encode(map[string]interface{}{"offset": m.Offset, "key": string(m.Key), "value": string(m.Value), "partition": m.Partition})
		}
		r.Close()
	default:
		fail("unknown command " + os.Args[1])
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}
