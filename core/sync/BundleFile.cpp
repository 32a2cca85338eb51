#include "sync/BundleFile.h"

#include "sync/BundleKeyPair.h"

#include <QtEndian>

#include <sodium.h>

namespace tambo::core {

namespace {

const unsigned char *bytes(const QByteArray &a)
{
    return reinterpret_cast<const unsigned char *>(a.constData());
}

unsigned char *bytes(QByteArray &a)
{
    return reinterpret_cast<unsigned char *>(a.data());
}

template<typename T>
void put(QByteArray &out, T value)
{
    char buf[sizeof(T)];
    qToBigEndian(value, buf);
    out.append(buf, sizeof(T));
}

template<typename T>
T get(const QByteArray &in, int offset)
{
    return qFromBigEndian<T>(in.constData() + offset);
}

QUuid uuidAt(const QByteArray &in, int offset)
{
    return QUuid::fromRfc4122(QByteArrayView(in.constData() + offset, 16));
}

} // namespace

QByteArray BundleFile::Header::toBytes() const
{
    QByteArray out = magic();
    put<quint16>(out, version);
    out.append(char(direction));
    out.append('\0');
    out.append(bundleId.toRfc4122());
    out.append(senderId.toRfc4122());
    out.append(recipientId.toRfc4122());
    out.append(senderPublicKey.leftJustified(crypto_sign_PUBLICKEYBYTES, '\0', true));
    put<qint64>(out, createdAt.toMSecsSinceEpoch());
    put<quint64>(out, sealedLength);
    Q_ASSERT(out.size() == HeaderSize);
    return out;
}

QByteArray BundleFile::seal(Header header,
                            const QByteArray &payload,
                            const BundleKeyPair &sender,
                            const QByteArray &recipientPublicKey)
{
    if (!BundleKeyPair::initSodium() || !sender.isValid())
        return {};
    const QByteArray recipientCurve = BundleKeyPair::curvePublicKey(recipientPublicKey);
    if (recipientCurve.isEmpty())
        return {};
    header.version = FormatVersion;
    header.senderPublicKey = sender.publicKey;
    header.createdAt = QDateTime::fromMSecsSinceEpoch(header.createdAt.toMSecsSinceEpoch(), Qt::UTC);
    const qsizetype innerSize = crypto_sign_BYTES + payload.size();
    header.sealedLength = quint64(innerSize + crypto_box_SEALBYTES);
    const QByteArray head = header.toBytes();

    const QByteArray signedPart = head + payload;
    QByteArray inner(crypto_sign_BYTES, '\0');
    crypto_sign_detached(bytes(inner),
                         nullptr,
                         bytes(signedPart),
                         quint64(signedPart.size()),
                         bytes(sender.secretKey));
    inner.append(payload);

    QByteArray sealed(qsizetype(header.sealedLength), '\0');
    if (crypto_box_seal(bytes(sealed), bytes(inner), quint64(inner.size()), bytes(recipientCurve))
        != 0)
        return {};
    sodium_memzero(inner.data(), size_t(inner.size()));
    return head + sealed;
}

BundleFile::Opened BundleFile::readHeader(const QByteArray &file)
{
    Opened r;
    if (file.size() < HeaderSize || !file.startsWith(magic())) {
        // A file cut inside its header still starts with the magic: that is truncation.
        r.status = (file.size() < HeaderSize && file.size() > 0
                    && magic().startsWith(file.left(magic().size())))
                       ? Status::Truncated
                       : Status::NotABundle;
        r.message = statusMessage(r.status);
        return r;
    }
    Header &h = r.header;
    h.version = get<quint16>(file, 8);
    if (h.version != FormatVersion) {
        r.status = Status::UnsupportedVersion;
        r.message = statusMessage(r.status, h);
        return r;
    }
    const quint8 direction = quint8(file.at(10));
    if (direction != quint8(Direction::PcToServer) && direction != quint8(Direction::ServerToPc)) {
        r.status = Status::NotABundle;
        r.message = statusMessage(r.status, h);
        return r;
    }
    h.direction = Direction(direction);
    h.bundleId = uuidAt(file, 12);
    h.senderId = uuidAt(file, 28);
    h.recipientId = uuidAt(file, 44);
    h.senderPublicKey = file.mid(60, 32);
    h.createdAt = QDateTime::fromMSecsSinceEpoch(get<qint64>(file, 92), Qt::UTC);
    h.sealedLength = get<quint64>(file, 100);
    if (quint64(file.size() - HeaderSize) != h.sealedLength
        || h.sealedLength < quint64(crypto_box_SEALBYTES + crypto_sign_BYTES)) {
        r.status = Status::Truncated;
        r.message = statusMessage(r.status, h);
        return r;
    }
    r.status = Status::Ok;
    return r;
}

BundleFile::Opened BundleFile::open(const QByteArray &file,
                                    Direction direction,
                                    const QUuid &recipientId,
                                    const BundleKeyPair &recipient,
                                    const QByteArray &expectedSenderKey)
{
    Opened r = readHeader(file);
    if (!r.ok())
        return r;
    auto fail = [&r](Status status) {
        r.status = status;
        r.message = statusMessage(status, r.header);
        r.payload.clear();
        return r;
    };
    if (r.header.direction != direction)
        return fail(Status::WrongDirection);
    if (r.header.recipientId != recipientId)
        return fail(Status::WrongRecipient);
    if (!BundleKeyPair::initSodium() || !recipient.isValid())
        return fail(Status::Failed);
    if (expectedSenderKey.size() != crypto_sign_PUBLICKEYBYTES
        || r.header.senderPublicKey != expectedSenderKey)
        return fail(Status::UnknownSender);

    const QByteArray curvePk = BundleKeyPair::curvePublicKey(recipient.publicKey);
    QByteArray curveSk = BundleKeyPair::curveSecretKey(recipient.secretKey);
    if (curvePk.isEmpty() || curveSk.isEmpty())
        return fail(Status::Failed);
    const QByteArray sealed = file.mid(HeaderSize);
    QByteArray inner(sealed.size() - crypto_box_SEALBYTES, '\0');
    const int opened = crypto_box_seal_open(bytes(inner),
                                            bytes(sealed),
                                            quint64(sealed.size()),
                                            bytes(curvePk),
                                            bytes(curveSk));
    sodium_memzero(curveSk.data(), size_t(curveSk.size()));
    if (opened != 0)
        return fail(Status::CannotDecrypt);
    const QByteArray signature = inner.left(crypto_sign_BYTES);
    const QByteArray payload = inner.mid(crypto_sign_BYTES);
    const QByteArray signedPart = file.left(HeaderSize) + payload;
    if (crypto_sign_verify_detached(bytes(signature),
                                    bytes(signedPart),
                                    quint64(signedPart.size()),
                                    bytes(expectedSenderKey))
        != 0)
        return fail(Status::BadSignature);
    r.payload = payload;
    return r;
}

QString BundleFile::statusMessage(Status status)
{
    return statusMessage(status, Header{});
}

QString BundleFile::statusMessage(Status status, const Header &header)
{
    switch (status) {
    case Status::Ok:
        return {};
    case Status::NotABundle:
        return tr("The file is not a Tambo sync bundle.");
    case Status::UnsupportedVersion:
        return tr("The bundle uses format version %1, which this version of Tambo does not "
                  "know. Update Tambo and import it again; nothing was changed.")
            .arg(header.version);
    case Status::Truncated:
        return tr("The bundle is incomplete (the file was cut or damaged while copying). Copy "
                  "it again from the USB drive; nothing was changed.");
    case Status::WrongDirection:
        return header.direction == Direction::PcToServer
                   ? tr("This bundle was made by a PC for the central server; it must be "
                        "imported on the server. Nothing was changed.")
                   : tr("This bundle was made by the central server for a PC; it must be "
                        "imported on that PC. Nothing was changed.");
    case Status::WrongRecipient:
        return tr("This bundle is for another computer (%1). Nothing was changed.")
            .arg(header.recipientId.toString(QUuid::WithoutBraces));
    case Status::UnknownSender:
        return tr("The bundle was not signed by a known sender (device or server key %1…). "
                  "Nothing was changed.")
            .arg(QString::fromLatin1(header.senderPublicKey.left(6).toHex()));
    case Status::CannotDecrypt:
        return tr("The bundle cannot be decrypted: it was damaged or encrypted for another "
                  "key. Nothing was changed.");
    case Status::BadSignature:
        return tr("The bundle's signature is not valid: it was altered after it was made. "
                  "Nothing was changed.");
    case Status::Failed:
        break;
    }
    return tr("The bundle cannot be checked (cryptographic library or keys unavailable). "
              "Nothing was changed.");
}

} // namespace tambo::core
