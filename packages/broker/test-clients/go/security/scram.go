package security

// A SCRAM client (RFC 5802) for sarama 1.22.1, which leaves SCRAM to the application
// (Net.SASL.SCRAMClientGeneratorFunc). Go 1.19's standard library has no PBKDF2, so it is written out here.

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"errors"
	"fmt"
	"hash"
	"strconv"
	"strings"
)

type scramClient struct {
	newHash     func() hash.Hash
	user        string
	password    string
	clientNonce string
	firstBare   string
	step        int
	serverSig   []byte
	done        bool
}

func newScramClient(newHash func() hash.Hash) func() *scramClient {
	return func() *scramClient { return &scramClient{newHash: newHash} }
}

var scramSHA256 = newScramClient(sha256.New)
var scramSHA512 = newScramClient(sha512.New)

func (c *scramClient) Begin(user, password, authzID string) error {
	nonce := make([]byte, 18)
	if _, err := rand.Read(nonce); err != nil {
		return err
	}
	escaped := strings.NewReplacer("=", "=3D", ",", "=2C").Replace(user)
	c.user, c.password, c.clientNonce = escaped, password, base64.RawURLEncoding.EncodeToString(nonce)
	c.firstBare = "n=" + escaped + ",r=" + c.clientNonce
	return nil
}

func (c *scramClient) Step(challenge string) (string, error) {
	c.step++
	switch c.step {
	case 1:
		return "n,," + c.firstBare, nil
	case 2:
		attrs := map[string]string{}
		for _, part := range strings.Split(challenge, ",") {
			if len(part) > 2 && part[1] == '=' {
				attrs[part[:1]] = part[2:]
			}
		}
		nonce, salt64, iter := attrs["r"], attrs["s"], attrs["i"]
		if !strings.HasPrefix(nonce, c.clientNonce) || len(nonce) == len(c.clientNonce) {
			return "", errors.New("server nonce does not extend the client nonce")
		}
		salt, err := base64.StdEncoding.DecodeString(salt64)
		if err != nil {
			return "", fmt.Errorf("bad salt: %v", err)
		}
		iterations, err := strconv.Atoi(iter)
		if err != nil || iterations < 1 {
			return "", fmt.Errorf("bad iteration count %q", iter)
		}
		salted := pbkdf2(c.newHash, []byte(c.password), salt, iterations)
		clientKey := c.hmac(salted, "Client Key")
		h := c.newHash()
		h.Write(clientKey)
		storedKey := h.Sum(nil)
		withoutProof := "c=biws,r=" + nonce
		authMessage := c.firstBare + "," + challenge + "," + withoutProof
		clientSig := c.hmac(storedKey, authMessage)
		proof := make([]byte, len(clientKey))
		for i := range proof {
			proof[i] = clientKey[i] ^ clientSig[i]
		}
		c.serverSig = c.hmac(c.hmac(salted, "Server Key"), authMessage)
		return withoutProof + ",p=" + base64.StdEncoding.EncodeToString(proof), nil
	default:
		c.done = true
		if !strings.HasPrefix(challenge, "v=") {
			return "", fmt.Errorf("server refused: %s", challenge)
		}
		sig, err := base64.StdEncoding.DecodeString(challenge[2:])
		if err != nil || !hmac.Equal(sig, c.serverSig) {
			return "", errors.New("server signature does not verify: not the server that holds our credentials")
		}
		return "", nil
	}
}

func (c *scramClient) Done() bool { return c.done }

func (c *scramClient) hmac(key []byte, data string) []byte {
	m := hmac.New(c.newHash, key)
	m.Write([]byte(data))
	return m.Sum(nil)
}

// pbkdf2 with one output block: SCRAM's salted password is exactly one hash long (RFC 5802, Hi()).
func pbkdf2(newHash func() hash.Hash, password, salt []byte, iterations int) []byte {
	prf := hmac.New(newHash, password)
	prf.Write(salt)
	prf.Write([]byte{0, 0, 0, 1})
	u := prf.Sum(nil)
	out := append([]byte(nil), u...)
	for i := 1; i < iterations; i++ {
		prf.Reset()
		prf.Write(u)
		u = prf.Sum(u[:0])
		for j := range out {
			out[j] ^= u[j]
		}
	}
	return out
}
