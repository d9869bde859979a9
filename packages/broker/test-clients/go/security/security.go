// Package security gives the sarama compatibility programs the same SASL and TLS flags:
// -sasl PLAIN|SCRAM-SHA-256|SCRAM-SHA-512 -user U -password P, and -tls-ca file.pem.
// Imported by relative path ("../security"), which GOPATH mode allows outside GOPATH.
package security

import (
	"crypto/tls"
	"crypto/x509"
	"flag"
	"fmt"
	"io/ioutil"

	"github.com/Shopify/sarama"
)

var (
	mechanism = flag.String("sasl", "", "SASL mechanism (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512); empty for none")
	user      = flag.String("user", "", "SASL user")
	password  = flag.String("password", "", "SASL password")
	tlsCA     = flag.String("tls-ca", "", "connect with TLS, trusting this CA certificate (PEM)")
)

// Apply sets config.Net from the flags; call it after flag.Parse.
func Apply(config *sarama.Config) error {
	if *mechanism != "" {
		config.Net.SASL.Enable = true
		config.Net.SASL.Mechanism = sarama.SASLMechanism(*mechanism)
		config.Net.SASL.User, config.Net.SASL.Password = *user, *password
		switch *mechanism {
		case sarama.SASLTypeSCRAMSHA256:
			config.Net.SASL.SCRAMClientGeneratorFunc = func() sarama.SCRAMClient { return scramSHA256() }
		case sarama.SASLTypeSCRAMSHA512:
			config.Net.SASL.SCRAMClientGeneratorFunc = func() sarama.SCRAMClient { return scramSHA512() }
		}
	}
	if *tlsCA != "" {
		pem, err := ioutil.ReadFile(*tlsCA)
		if err != nil {
			return err
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return fmt.Errorf("no certificate in %s", *tlsCA)
		}
		config.Net.TLS.Enable = true
		config.Net.TLS.Config = &tls.Config{RootCAs: pool}
	}
	return nil
}
