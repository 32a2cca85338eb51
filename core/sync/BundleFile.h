#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QUuid>

#include <optional>

namespace tambo::core {

struct BundleKeyPair;

// The file format of a sync bundle (docs/sync-protocol.md "Bundles"): a clear header, then a
// sealed box (crypto_box_seal to the recipient's X25519 key) holding a 64-byte Ed25519
// signature by the sender over header ‖ payload, followed by the payload (UTF-8 JSON, the same
// messages as the network path).
//
//   offset  size  field
//   0       8     magic "TAMBOBDL"
//   8       2     format version (big-endian, 1)
//   10      1     direction: 1 PC→server, 2 server→PC
//   11      1     reserved, 0
//   12      16    bundle id (UUID, RFC 4122 bytes)
//   28      16    sender id (device id / server id)
//   44      16    recipient id (server id / device id)
//   60      32    sender's Ed25519 public key
//   92      8     created at, ms since the epoch (big-endian, signed)
//   100     8     length of the sealed part (big-endian)
//   108     …     sealed part
//
// A file whose size is not exactly 108 + that length is truncated (or has bytes appended) and
// is refused before any decryption. open() decrypts and verifies completely; nothing of the
// payload is returned unless both succeed.
class BundleFile
{
    Q_DECLARE_TR_FUNCTIONS(tambo::core::BundleFile)

public:
    static constexpr int HeaderSize = 108;
    static constexpr quint16 FormatVersion = 1;
    static QByteArray magic() { return QByteArrayLiteral("TAMBOBDL"); }

    enum class Direction : quint8 { PcToServer = 1, ServerToPc = 2 };

    struct Header
    {
        quint16 version = FormatVersion;
        Direction direction = Direction::PcToServer;
        QUuid bundleId;
        QUuid senderId;
        QUuid recipientId;
        QByteArray senderPublicKey; // 32 bytes
        QDateTime createdAt;        // UTC, ms precision
        quint64 sealedLength = 0;

        QByteArray toBytes() const;
    };

    enum class Status {
        Ok,
        NotABundle,         // wrong magic or shorter than a header
        UnsupportedVersion, // a newer format
        Truncated,          // size does not match the header
        WrongDirection,
        WrongRecipient,
        UnknownSender, // sender's key is not the one expected
        CannotDecrypt, // damaged, or sealed to another key
        BadSignature,  // damaged or forged
        Failed,        // libsodium unavailable / bad keys
    };

    struct Opened
    {
        Status status = Status::Failed;
        Header header;
        QByteArray payload; // only when status == Ok
        QString message;    // translated, for the user
        bool ok() const { return status == Status::Ok; }
    };

    // Header fields are taken from `header` (its sealedLength and senderPublicKey are filled
    // in); signs with sender, seals to recipientPublicKey (Ed25519, converted). Empty on failure.
    static QByteArray seal(Header header,
                           const QByteArray &payload,
                           const BundleKeyPair &sender,
                           const QByteArray &recipientPublicKey);

    // Reads and checks the clear header only (magic, version, size). For messages about a file
    // that is not for this recipient before trying to decrypt it.
    static Opened readHeader(const QByteArray &file);

    // Full check: header, direction, recipient id, decryption with `recipient`, sender key
    // equal to expectedSenderKey, signature. Nothing is returned of a payload that fails.
    static Opened open(const QByteArray &file,
                       Direction direction,
                       const QUuid &recipientId,
                       const BundleKeyPair &recipient,
                       const QByteArray &expectedSenderKey);

    static QString statusMessage(Status status);
    static QString statusMessage(Status status, const Header &header);
};

} // namespace tambo::core
