#pragma once

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>
#include <QUuid>

namespace tambo::core {

// Enrols a PC's store again as a NEW device (docs/sync-protocol.md §7.7): what OTIC does after
// the server answered 409 seq_reused (the store was restored from a backup, or copied from
// another PC, so two stores spoke as one device and the server already holds other changes
// under this store's seqs). Run with Tambo closed (`tambo-admin sync reenroll`); in ONE local
// transaction it
// - gives the store a new device id (the one row of CoreSchema's `device` table) and a new
//   device key pair (BundleState: the old one may be on the other copy);
// - re-queues every change not acknowledged yet under the new device's seqs 1..n, in their
//   order, with their base versions (so the server merges them like any change made on those
//   versions); the next local change gets n + 1;
// - keeps the previous device's history (rejected entries, conflicts) with negative seqs,
//   so they stay visible for review but never collide with the new device's seqs (the server
//   closes a resolution only for the device that made the change: those stay open there);
// - clears the seq_reused stop and records the previous id (sync_state
//   "sync.previous_device_ids").
// Nothing of the data or of the pending changes is lost; cursors and row versions stay (the
// store has seen those server versions). Afterwards the PC connects to the server again
// (File → Connect to the sync server…), which registers the new device.
class DeviceReenrollment
{
public:
    struct Result
    {
        bool ok = false;
        QString error; // English, for the operator
        QUuid previousId;
        QUuid deviceId;
        int requeued = 0; // pending entries, now seqs 1..requeued
        int history = 0;  // entries of earlier devices kept for review (negative seqs)
        QByteArray publicKey; // the new device key (Ed25519), for `bundle device-key`
    };

    // newId: the new device id (tests); null makes a fresh UUID.
    static Result run(QSqlDatabase db, const QUuid &newId = {});
};

} // namespace tambo::core
