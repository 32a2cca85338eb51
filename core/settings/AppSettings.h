#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

class QSettings;

namespace tambo::core {

// Typed access to Tambo's per-user settings (QSettings, organization "MunicipalidadTacna",
// application "Tambo"). Every getter returns a valid value: missing or malformed entries fall
// back to their default and out-of-range numbers are clamped, so a hand-edited file never breaks
// the start. Setters normalise the same way and return false when they had to change the value.
class AppSettings
{
public:
    static constexpr auto Organization = "MunicipalidadTacna";
    static constexpr auto Application = "Tambo";

    static constexpr int DefaultIdleLockMinutes = 10;
    static constexpr int MaxIdleLockMinutes = 480; // 8 hours; 0 = idle lock off
    static constexpr int MaxScannerAffixLength = 8;
    static constexpr auto DefaultLanguage = "es_PE";

    // The user's settings in the platform's usual place.
    AppSettings();
    // A settings file at iniPath (INI format): tests and portable installs.
    explicit AppSettings(const QString &iniPath);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    // Sync server, e.g. "https://tambo.munitacna.gob.pe". Empty = no server (offline use).
    // Only http and https URLs with a host are kept.
    QString serverUrl() const;
    bool setServerUrl(const QString &url);

    // The sede this PC belongs to (an id from the sedes table); empty = not chosen yet.
    QString sedeId() const;
    void setSedeId(const QString &sedeId);

    // What a barcode scanner in keyboard mode sends before and after each code
    // (at most MaxScannerAffixLength characters each; longer values are cut).
    QString scannerPrefix() const;
    bool setScannerPrefix(const QString &prefix);
    QString scannerSuffix() const;
    bool setScannerSuffix(const QString &suffix);

    // Minutes without input before the session locks; 0 = never. Clamped to 0..MaxIdleLockMinutes.
    int idleLockMinutes() const;
    bool setIdleLockMinutes(int minutes);

    // UI language: "es_PE" (default) or "en". Unknown values read as the default.
    QString language() const;
    bool setLanguage(const QString &language);
    static QStringList supportedLanguages();

    // Store file to open; empty = the local demo store (first start).
    QString storePath() const;
    void setStorePath(const QString &path);

    // Main window layout (QWidget::saveGeometry / QMainWindow::saveState blobs).
    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

    // Writes pending changes to disk; returns false and fills *error when that failed.
    bool sync(QString *error = nullptr);
    QString fileName() const;

    static QString normalizedServerUrl(const QString &url); // empty when not acceptable
    static int clampedIdleLockMinutes(int minutes);

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace tambo::core
