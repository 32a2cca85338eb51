#include "sync/BundleKeyPair.h"

#include <sodium.h>

namespace tambo::core {

namespace {
const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}
} // namespace

bool BundleKeyPair::initSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

bool BundleKeyPair::isValid() const
{
    return publicKey.size() == crypto_sign_PUBLICKEYBYTES
           && secretKey.size() == crypto_sign_SECRETKEYBYTES
           && secretKey.right(crypto_sign_PUBLICKEYBYTES) == publicKey;
}

BundleKeyPair BundleKeyPair::generate()
{
    BundleKeyPair pair;
    if (!initSodium())
        return pair;
    pair.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    pair.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(pair.publicKey.data()),
                        reinterpret_cast<unsigned char *>(pair.secretKey.data()));
    return pair;
}

BundleKeyPair BundleKeyPair::fromSecretKey(const QByteArray &secretKey)
{
    BundleKeyPair pair;
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES || !initSodium())
        return pair;
    QByteArray pk(crypto_sign_PUBLICKEYBYTES, '\0');
    if (crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(pk.data()), bytes(secretKey))
        != 0)
        return pair;
    pair.secretKey = secretKey;
    pair.publicKey = pk;
    return pair.isValid() ? pair : BundleKeyPair{};
}

QByteArray BundleKeyPair::curvePublicKey(const QByteArray &ed25519PublicKey)
{
    if (ed25519PublicKey.size() != crypto_sign_PUBLICKEYBYTES || !initSodium())
        return {};
    QByteArray out(crypto_box_PUBLICKEYBYTES, '\0');
    if (crypto_sign_ed25519_pk_to_curve25519(reinterpret_cast<unsigned char *>(out.data()),
                                             bytes(ed25519PublicKey))
        != 0)
        return {};
    return out;
}

QByteArray BundleKeyPair::curveSecretKey(const QByteArray &ed25519SecretKey)
{
    if (ed25519SecretKey.size() != crypto_sign_SECRETKEYBYTES || !initSodium())
        return {};
    QByteArray out(crypto_box_SECRETKEYBYTES, '\0');
    if (crypto_sign_ed25519_sk_to_curve25519(reinterpret_cast<unsigned char *>(out.data()),
                                             bytes(ed25519SecretKey))
        != 0)
        return {};
    return out;
}

} // namespace tambo::core
