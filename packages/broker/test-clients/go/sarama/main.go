// Compatibility client: Shopify/sarama as Debian ships it (1.22.1). At its default config it speaks
// Kafka 0.8.2 (Produce v0 with magic-0 message sets, Fetch v0, Metadata v0); -version 2.0.0 uses v2 batches.
// Usage: sarama [-version V] [-codec none|gzip|snappy|lz4] [security flags] produce <broker> <topic> <count>
//        sarama [-version V] [security flags] consume <broker> <topic> <partition> <count>
//        sarama [-version V] [security flags] offsets|group <broker> <topic> <group> <count>   (see group.go)
// Security flags (../security): -sasl PLAIN|SCRAM-SHA-256|SCRAM-SHA-512 -user U -password P, -tls-ca file.pem.
// At its default version sarama sends SASL/PLAIN after SaslHandshake v0 as a bare token; from Kafka 1.0
// on it uses SaslHandshake v1 and SaslAuthenticate. Its SCRAM always uses v1.
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/Shopify/sarama"

	"../security"
)

func main() {
	version := flag.String("version", "", "Kafka version to speak (default: sarama's own default)")
	codec := flag.String("codec", "none", "compression codec")
	flag.Parse()
	args := flag.Args()
	if len(args) < 4 {
		fail("usage: sarama produce|consume|offsets|group <broker> <topic> ...")
	}
	config := sarama.NewConfig()
	if *version != "" {
		v, err := sarama.ParseKafkaVersion(*version)
		if err != nil {
			fail(err.Error())
		}
		config.Version = v
	}
	if err := security.Apply(config); err != nil {
		fail(err.Error())
	}
	broker, topic := args[1], args[2]
	switch args[0] {
	case "produce":
		count, _ := strconv.Atoi(args[3])
		config.Producer.Return.Successes = true
		config.Producer.RequiredAcks = sarama.WaitForAll
		switch *codec {
		case "gzip":
			config.Producer.Compression = sarama.CompressionGZIP
		case "snappy":
			config.Producer.Compression = sarama.CompressionSnappy
		case "lz4":
			config.Producer.Compression = sarama.CompressionLZ4
		}
		producer, err := sarama.NewSyncProducer([]string{broker}, config)
		if err != nil {
			fail("producer: " + err.Error())
		}
		msgs := make([]*sarama.ProducerMessage, count)
		for i := range msgs {
			msgs[i] = &sarama.ProducerMessage{Topic: topic, Partition: 0, Key: sarama.StringEncoder(fmt.Sprintf("k%d", i)), Value: sarama.StringEncoder(fmt.Sprintf("v%d", i))}
		}
		if err := producer.SendMessages(msgs); err != nil {
			fail("send: " + err.Error())
		}
		producer.Close()
	case "consume":
		partition, _ := strconv.Atoi(args[3])
		count, _ := strconv.Atoi(args[4])
		consumer, err := sarama.NewConsumer([]string{broker}, config)
		if err != nil {
			fail("consumer: " + err.Error())
		}
		pc, err := consumer.ConsumePartition(topic, int32(partition), sarama.OffsetOldest)
		if err != nil {
			fail("consume partition: " + err.Error())
		}
		timeout := time.After(30 * time.Second)
		for i := 0; i < count; i++ {
			select {
			case m := <-pc.Messages():
				out.Encode(map[string]interface{}{"offset": m.Offset, "key": string(m.Key), "value": string(m.Value)})
			case err := <-pc.Errors():
				fail("consume: " + err.Error())
			case <-timeout:
				fail(fmt.Sprintf("timed out after %d messages", i))
			}
		}
		pc.Close()
		consumer.Close()
	case "offsets", "group":
		if len(args) < 5 {
			fail("usage: sarama offsets|group <broker> <topic> <group> <count>")
		}
		config.Consumer.Offsets.Initial = sarama.OffsetOldest
		config.Consumer.Return.Errors = true
		count, _ := strconv.Atoi(args[4])
		if args[0] == "offsets" {
			offsets(config, broker, topic, args[3], count)
		} else {
			consumeGroup(config, broker, topic, args[3], count)
		}
	default:
		fail("unknown command " + args[0])
	}
}

func check(err error, what string) {
	if err != nil {
		fail(what + ": " + err.Error())
	}
}

func fail(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}
