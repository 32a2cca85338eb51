#include "settings/AppSettings.h"

#include <QCoreApplication>
#include <QSettings>
#include <QUrl>

#include <algorithm>

namespace tambo::core {

namespace {
constexpr auto KeyServerUrl = "sync/serverUrl";
constexpr auto KeySede = "sede/id";
constexpr auto KeyScannerPrefix = "scanner/prefix";
constexpr auto KeyScannerSuffix = "scanner/suffix";
constexpr auto KeyIdleLock = "security/idleLockMinutes";
constexpr auto KeyLanguage = "ui/language";
constexpr auto KeyStorePath = "store/path";
constexpr auto KeyGeometry = "window/geometry";
constexpr auto KeyState = "window/state";
} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>(QSettings::NativeFormat,
                                             QSettings::UserScope,
                                             QString::fromLatin1(Organization),
                                             QString::fromLatin1(Application)))
{}

AppSettings::AppSettings(const QString &iniPath)
    : m_settings(std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{}

AppSettings::~AppSettings() = default;

QString AppSettings::normalizedServerUrl(const QString &url)
{
    const QString trimmed = url.trimmed();
    if (trimmed.isEmpty())
        return {};
    const QUrl parsed(trimmed, QUrl::StrictMode);
    if (!parsed.isValid() || parsed.host().isEmpty())
        return {};
    const QString scheme = parsed.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return {};
    QString out = parsed.toString(QUrl::NormalizePathSegments);
    while (out.endsWith(QLatin1Char('/')))
        out.chop(1);
    return out;
}

int AppSettings::clampedIdleLockMinutes(int minutes)
{
    return std::clamp(minutes, 0, MaxIdleLockMinutes);
}

QString AppSettings::serverUrl() const
{
    return normalizedServerUrl(m_settings->value(QLatin1String(KeyServerUrl)).toString());
}

bool AppSettings::setServerUrl(const QString &url)
{
    const QString normalized = normalizedServerUrl(url);
    m_settings->setValue(QLatin1String(KeyServerUrl), normalized);
    return url.trimmed().isEmpty() || !normalized.isEmpty();
}

QString AppSettings::sedeId() const
{
    return m_settings->value(QLatin1String(KeySede)).toString().trimmed();
}

void AppSettings::setSedeId(const QString &sedeId)
{
    m_settings->setValue(QLatin1String(KeySede), sedeId.trimmed());
}

QString AppSettings::scannerPrefix() const
{
    return m_settings->value(QLatin1String(KeyScannerPrefix)).toString().left(MaxScannerAffixLength);
}

bool AppSettings::setScannerPrefix(const QString &prefix)
{
    m_settings->setValue(QLatin1String(KeyScannerPrefix), prefix.left(MaxScannerAffixLength));
    return prefix.size() <= MaxScannerAffixLength;
}

QString AppSettings::scannerSuffix() const
{
    return m_settings->value(QLatin1String(KeyScannerSuffix)).toString().left(MaxScannerAffixLength);
}

bool AppSettings::setScannerSuffix(const QString &suffix)
{
    m_settings->setValue(QLatin1String(KeyScannerSuffix), suffix.left(MaxScannerAffixLength));
    return suffix.size() <= MaxScannerAffixLength;
}

int AppSettings::idleLockMinutes() const
{
    const QVariant value = m_settings->value(QLatin1String(KeyIdleLock));
    if (!value.isValid())
        return DefaultIdleLockMinutes;
    bool ok = false;
    const int minutes = value.toString().trimmed().toInt(&ok);
    if (!ok)
        return DefaultIdleLockMinutes;
    return clampedIdleLockMinutes(minutes);
}

bool AppSettings::setIdleLockMinutes(int minutes)
{
    const int clamped = clampedIdleLockMinutes(minutes);
    m_settings->setValue(QLatin1String(KeyIdleLock), clamped);
    return clamped == minutes;
}

QStringList AppSettings::supportedLanguages()
{
    return {QString::fromLatin1(DefaultLanguage), QStringLiteral("en")};
}

QString AppSettings::language() const
{
    const QString value = m_settings->value(QLatin1String(KeyLanguage)).toString().trimmed();
    return supportedLanguages().contains(value) ? value : QString::fromLatin1(DefaultLanguage);
}

bool AppSettings::setLanguage(const QString &language)
{
    const bool known = supportedLanguages().contains(language);
    m_settings->setValue(QLatin1String(KeyLanguage),
                         known ? language : QString::fromLatin1(DefaultLanguage));
    return known;
}

QString AppSettings::storePath() const
{
    return m_settings->value(QLatin1String(KeyStorePath)).toString().trimmed();
}

void AppSettings::setStorePath(const QString &path)
{
    m_settings->setValue(QLatin1String(KeyStorePath), path.trimmed());
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings->value(QLatin1String(KeyGeometry)).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings->setValue(QLatin1String(KeyGeometry), geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings->value(QLatin1String(KeyState)).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings->setValue(QLatin1String(KeyState), state);
}

bool AppSettings::sync(QString *error)
{
    m_settings->sync();
    switch (m_settings->status()) {
    case QSettings::NoError:
        return true;
    case QSettings::AccessError:
        if (error)
            *error = QCoreApplication::translate("tambo::core::AppSettings",
                                                 "The settings file %1 cannot be written.")
                         .arg(m_settings->fileName());
        return false;
    case QSettings::FormatError:
        if (error)
            *error = QCoreApplication::translate("tambo::core::AppSettings",
                                                 "The settings file %1 is damaged.")
                         .arg(m_settings->fileName());
        return false;
    }
    return true;
}

QString AppSettings::fileName() const
{
    return m_settings->fileName();
}

} // namespace tambo::core
