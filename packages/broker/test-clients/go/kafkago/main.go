// Compatibility client: segmentio/kafka-go as Debian ships it (0.2.1), used the way its README tutorial does.
// Usage: kafkago produce <broker> <topic> <count>
//        kafkago read <broker> <topic> <partition> <count>     a partition reader from offset 0
//        kafkago group-read <broker> <topic> <group> <count>   the tutorial's GroupID reader
// Prints one JSON object per message read, in the order ReadMessage returned them, so the test can compare exactly.
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
		fail("usage: kafkago produce|read|group-read <broker> <topic> ...")
	}
	broker, topic := os.Args[2], os.Args[3]
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	switch os.Args[1] {
	case "produce":
		count, _ := strconv.Atoi(os.Args[4])
		produce(ctx, broker, topic, count)
	case "read":
		partition, _ := strconv.Atoi(os.Args[4])
		count, _ := strconv.Atoi(os.Args[5])
		r := kafka.NewReader(kafka.ReaderConfig{Brokers: []string{broker}, Topic: topic, Partition: partition, MinBytes: 1, MaxBytes: 10e6})
		if err := r.SetOffset(0); err != nil {
			fail("set offset: " + err.Error())
		}
		read(ctx, r, count)
	case "group-read":
		count, _ := strconv.Atoi(os.Args[5])
		read(ctx, kafka.NewReader(kafka.ReaderConfig{Brokers: []string{broker}, Topic: topic, GroupID: os.Args[4], MinBytes: 1, MaxBytes: 10e6}), count)
	default:
		fail("unknown command " + os.Args[1])
	}
}

func produce(ctx context.Context, broker, topic string, count int) {
	w := kafka.NewWriter(kafka.WriterConfig{Brokers: []string{broker}, Topic: topic, Balancer: &kafka.LeastBytes{}})
	// As the tutorial: one WriteMessages call (each call waits out the writer's 1 s batch timeout).
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
}

func read(ctx context.Context, r *kafka.Reader, count int) {
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
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}
