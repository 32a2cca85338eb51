#pragma once

#include "sync/BundleKeyPair.h"

#include <QJsonObject>
#include <QString>

namespace tambo::test {

// The Ed25519 key of a test device, derived from its id (seed: SHA-256 of
// "tambo-test-device\n" + id), so a test that registers a device with publicKeyBase64(id) can
// later log in bound to it with bindLogin(): the body carries the device's signature
// (core::DeviceLoginProof) as the desktop's does, without the test carrying the key around.
class TestDeviceKeys
{
public:
    static core::BundleKeyPair forDevice(const QString &deviceId);
    static QString publicKeyBase64(const QString &deviceId);
    // Adds "device_id" and the proof (signed now, system clock) to a login body for username.
    static void bindLogin(QJsonObject *body, const QString &deviceId, const QString &username);
};

} // namespace tambo::test
