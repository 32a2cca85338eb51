#pragma once

#include <QByteArray>

namespace tambo::core {

// An Ed25519 key pair of a bundle party (a PC's device key or tambo-server's bundle key). The
// same pair also encrypts: sealed boxes use its X25519 form (crypto_sign_ed25519_pk_to_curve25519
// and _sk_to_curve25519), so a device registers one public key for signatures and bundles
// (docs/adr/0009-sync-bundles.md).
struct BundleKeyPair
{
    QByteArray publicKey; // 32 bytes, Ed25519
    QByteArray secretKey; // 64 bytes, libsodium's Ed25519 secret key (seed + public key)

    bool isValid() const;

    // A fresh pair (libsodium's CSPRNG); invalid when libsodium cannot be initialised.
    static BundleKeyPair generate();
    // The pair from a stored secret key (its public half is the last 32 bytes).
    static BundleKeyPair fromSecretKey(const QByteArray &secretKey);

    // X25519 forms for crypto_box_seal / crypto_box_seal_open; empty on a bad key.
    static QByteArray curvePublicKey(const QByteArray &ed25519PublicKey);
    static QByteArray curveSecretKey(const QByteArray &ed25519SecretKey);

    // sodium_init() once per process.
    static bool initSodium();
};

} // namespace tambo::core
