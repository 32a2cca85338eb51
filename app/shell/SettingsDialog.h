#pragma once

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace tambo::core {
class AppSettings;
}

namespace tambo::shell {

// File > Settings: server URL, sede, scanner prefix/suffix, idle-lock minutes, language.
// The widget holds no data of its own: load() reads AppSettings, save() writes it back, and the
// sedes come from the caller (a core query; no SQL in widgets).
class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    struct SedeOption
    {
        QString id;
        QString name;
    };

    explicit SettingsDialog(QWidget *parent = nullptr);

    void setSedes(const QList<SedeOption> &sedes);
    // Server, sede and idle lock are installation policy: only users with
    // core.settings.manage change them. Language and scanner are personal.
    void setPolicyEditable(bool editable);

    void load(const core::AppSettings &settings);
    // Writes the fields; returns false (and shows why) when a field is not valid.
    bool save(core::AppSettings &settings);

    // Field access for tests and callers.
    QString serverUrl() const;
    void setServerUrl(const QString &url);
    QString sedeId() const;
    void setSedeId(const QString &id);
    QString scannerPrefix() const; // real characters ("\r" is a carriage return)
    void setScannerPrefix(const QString &prefix);
    QString scannerSuffix() const;
    void setScannerSuffix(const QString &suffix);
    int idleLockMinutes() const;
    void setIdleLockMinutes(int minutes);
    QString language() const;
    void setLanguage(const QString &language);
    QString errorText() const;
    bool languageChanged() const; // since load()

    // "\r" <-> a carriage return, "\t" <-> tab, "\n" <-> line feed, "\\" <-> backslash.
    static QString escapeControls(const QString &text);
    static QString unescapeControls(const QString &text);

public slots:
    // Validates and accepts (OK button). With settings bound through exec-less tests the caller
    // still calls save().
    void accept() override;

private:
    bool validate();

    QLineEdit *m_server = nullptr;
    QComboBox *m_sede = nullptr;
    QLineEdit *m_prefix = nullptr;
    QLineEdit *m_suffix = nullptr;
    QSpinBox *m_idle = nullptr;
    QComboBox *m_language = nullptr;
    QLabel *m_error = nullptr;
    QString m_loadedLanguage;
};

} // namespace tambo::shell
