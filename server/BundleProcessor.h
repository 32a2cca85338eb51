#pragma once

#include "BundleServerKey.h"
#include "LoginThrottle.h"

#include "sync/SyncCatalogue.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace tambo::core {
class Clock;
}

namespace tambo::server {

// The server side of sync bundles (docs/sync-protocol.md "Bundles"): opens a PC → server bundle
// (header, registered and active device, decryption with the server key, the device's
// signature, JSON), applies its push batches through SyncStore::push — the very code of
// POST /v1/sync/push, so every entry is applied exactly once whether it came by network or by
// USB, and importing the same bundle again only yields "duplicate" acks — then reads the pull
// pages of the announced scopes through SyncStore::pull from the PC's cursors, and seals the
// reply (acks + pages) to the device's key, signed by the server. The bundle's audit anchor
// goes through AuditAnchorStore, the code of POST /v1/audit/anchors, and the reply carries the
// last anchor the server holds for the device.
//
// The bundle's user acts as the caller (role and sede scope checks as on the network, so a
// bundle never grants more than that user's own scope). The user must be active, be the
// device's registrant or share its sede (a registrant of OTIC — admin_otic — vouches for any
// user), and PROVE it: the bundle carries the user's signature (core::UserBundleKey, ADR 0015)
// over its whole content, checked against the public key of the user's current bundle key. A
// bundle without one (an older PC), signed with a key made for an older password, or while the
// account is locked (LoginThrottle) is refused; a wrong signature is counted as a failed login of
// that user (source "bundle:<device id>").
class BundleProcessor
{
public:
    enum class Status {
        Ok,
        Refused,   // not a valid bundle for this server (message says why); nothing changed
        Forbidden, // unknown/revoked device, user not proven or not allowed; nothing changed
        Failed,    // database error (what was committed stays; importing again is harmless)
    };

    struct Result
    {
        Status status = Status::Failed;
        QString message;  // Spanish, for the operator
        QByteArray reply; // the server → PC bundle (Ok only)
        QUuid deviceId;
        QUuid replyId;
        int entries = 0;
        int applied = 0;
        int duplicates = 0;
        int rejected = 0;
        int rows = 0;
        bool auditAnchorRefused = false; // the bundle's audit anchor was refused (tamper signal)
    };

    BundleProcessor(QSqlDatabase db,
                    const core::Clock &clock,
                    BundleServerKey key,
                    const core::SyncCatalogue &catalogue,
                    LoginThrottle::Limits loginLimits = {});

    Result process(const QByteArray &file);

private:
    QSqlDatabase m_db;
    const core::Clock &m_clock;
    BundleServerKey m_key;
    const core::SyncCatalogue &m_catalogue;
    LoginThrottle::Limits m_loginLimits;
};

} // namespace tambo::server
