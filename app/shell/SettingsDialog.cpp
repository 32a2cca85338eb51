#include "SettingsDialog.h"

#include "settings/AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace tambo::shell {

using core::AppSettings;

SettingsDialog::SettingsDialog(QWidget *parent)
    : QDialog(parent)
    , m_server(new QLineEdit(this))
    , m_sede(new QComboBox(this))
    , m_prefix(new QLineEdit(this))
    , m_suffix(new QLineEdit(this))
    , m_idle(new QSpinBox(this))
    , m_language(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_server->setObjectName(QStringLiteral("serverUrl"));
    m_server->setPlaceholderText(QStringLiteral("https://tambo.munitacna.gob.pe"));
    m_server->setClearButtonEnabled(true);
    m_sede->setObjectName(QStringLiteral("sede"));
    m_sede->setMinimumContentsLength(24);
    m_prefix->setObjectName(QStringLiteral("scannerPrefix"));
    m_suffix->setObjectName(QStringLiteral("scannerSuffix"));
    m_prefix->setPlaceholderText(tr("none"));
    m_suffix->setPlaceholderText(tr("none"));
    m_idle->setObjectName(QStringLiteral("idleLockMinutes"));
    m_idle->setRange(0, AppSettings::MaxIdleLockMinutes);
    m_idle->setSpecialValueText(tr("Never"));
    m_idle->setSuffix(tr(" min"));
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(QStringLiteral("Español (Perú)"), QStringLiteral("es_PE"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));

    auto *connection = new QGroupBox(tr("Installation"), this);
    auto *connectionForm = new QFormLayout(connection);
    connectionForm->addRow(tr("Sync &server:"), m_server);
    connectionForm->addRow(tr("S&ede:"), m_sede);
    connectionForm->addRow(tr("&Lock after:"), m_idle);
    auto *idleNote = new QLabel(tr("Minutes without activity before the session locks."), this);
    idleNote->setWordWrap(true);
    idleNote->setEnabled(false);
    connectionForm->addRow(QString(), idleNote);

    auto *personal = new QGroupBox(tr("This PC"), this);
    auto *personalForm = new QFormLayout(personal);
    personalForm->addRow(tr("Scanner &prefix:"), m_prefix);
    personalForm->addRow(tr("Scanner s&uffix:"), m_suffix);
    auto *scannerNote = new QLabel(tr("What the barcode reader sends before and after each code. "
                                      "Write \\r for Enter and \\t for Tab."),
                                   this);
    scannerNote->setWordWrap(true);
    scannerNote->setEnabled(false);
    personalForm->addRow(QString(), scannerNote);
    personalForm->addRow(tr("Lan&guage:"), m_language);
    auto *languageNote = new QLabel(tr("A new language applies the next time Tambo starts."), this);
    languageNote->setObjectName(QStringLiteral("languageNote"));
    languageNote->setWordWrap(true);
    languageNote->setEnabled(false);
    personalForm->addRow(QString(), languageNote);

    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Cancel"));
    buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(connection);
    layout->addWidget(personal);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(520);

    setTabOrder(m_server, m_sede);
    setTabOrder(m_sede, m_idle);
    setTabOrder(m_idle, m_prefix);
    setTabOrder(m_prefix, m_suffix);
    setTabOrder(m_suffix, m_language);
}

void SettingsDialog::setSedes(const QList<SedeOption> &sedes)
{
    const QString current = sedeId();
    m_sede->clear();
    m_sede->addItem(tr("(not chosen)"), QString());
    for (const SedeOption &sede : sedes)
        m_sede->addItem(sede.name, sede.id);
    setSedeId(current);
}

void SettingsDialog::setPolicyEditable(bool editable)
{
    m_server->setReadOnly(!editable);
    m_sede->setEnabled(editable);
    m_idle->setEnabled(editable);
    if (!editable) {
        const QString why = tr("Only OTIC administrators change this.");
        m_server->setToolTip(why);
        m_sede->setToolTip(why);
        m_idle->setToolTip(why);
    }
}

void SettingsDialog::load(const AppSettings &settings)
{
    setServerUrl(settings.serverUrl());
    setSedeId(settings.sedeId());
    setScannerPrefix(settings.scannerPrefix());
    setScannerSuffix(settings.scannerSuffix());
    setIdleLockMinutes(settings.idleLockMinutes());
    setLanguage(settings.language());
    m_loadedLanguage = settings.language();
    m_error->hide();
}

bool SettingsDialog::save(AppSettings &settings)
{
    if (!validate())
        return false;
    settings.setServerUrl(serverUrl());
    settings.setSedeId(sedeId());
    settings.setScannerPrefix(scannerPrefix());
    settings.setScannerSuffix(scannerSuffix());
    settings.setIdleLockMinutes(idleLockMinutes());
    settings.setLanguage(language());
    QString error;
    if (!settings.sync(&error)) {
        m_error->setText(error);
        m_error->show();
        return false;
    }
    return true;
}

QString SettingsDialog::serverUrl() const
{
    return m_server->text().trimmed();
}

void SettingsDialog::setServerUrl(const QString &url)
{
    m_server->setText(url);
}

QString SettingsDialog::sedeId() const
{
    return m_sede->currentData().toString();
}

void SettingsDialog::setSedeId(const QString &id)
{
    int index = m_sede->findData(id);
    if (index < 0 && !id.isEmpty()) {
        // A sede this store does not know (yet): keep it rather than lose the setting.
        m_sede->addItem(id, id);
        index = m_sede->count() - 1;
    }
    m_sede->setCurrentIndex(std::max(index, 0));
    if (m_sede->count() == 0)
        m_sede->addItem(tr("(not chosen)"), QString());
}

QString SettingsDialog::scannerPrefix() const
{
    return unescapeControls(m_prefix->text());
}

void SettingsDialog::setScannerPrefix(const QString &prefix)
{
    m_prefix->setText(escapeControls(prefix));
}

QString SettingsDialog::scannerSuffix() const
{
    return unescapeControls(m_suffix->text());
}

void SettingsDialog::setScannerSuffix(const QString &suffix)
{
    m_suffix->setText(escapeControls(suffix));
}

int SettingsDialog::idleLockMinutes() const
{
    return m_idle->value();
}

void SettingsDialog::setIdleLockMinutes(int minutes)
{
    m_idle->setValue(minutes);
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

void SettingsDialog::setLanguage(const QString &language)
{
    const int index = m_language->findData(language);
    m_language->setCurrentIndex(index < 0 ? 0 : index);
}

QString SettingsDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

bool SettingsDialog::languageChanged() const
{
    return !m_loadedLanguage.isEmpty() && language() != m_loadedLanguage;
}

QString SettingsDialog::escapeControls(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        default:
            out += c;
        }
    }
    return out;
}

QString SettingsDialog::unescapeControls(const QString &text)
{
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c != QLatin1Char('\\') || i + 1 == text.size()) {
            out += c;
            continue;
        }
        const QChar next = text.at(++i);
        switch (next.unicode()) {
        case 'r':
            out += QLatin1Char('\r');
            break;
        case 'n':
            out += QLatin1Char('\n');
            break;
        case 't':
            out += QLatin1Char('\t');
            break;
        case '\\':
            out += QLatin1Char('\\');
            break;
        default:
            out += c;
            out += next;
        }
    }
    return out;
}

bool SettingsDialog::validate()
{
    QStringList problems;
    const QString url = serverUrl();
    if (!url.isEmpty() && AppSettings::normalizedServerUrl(url).isEmpty()) {
        problems << tr("The server address must start with https:// or http:// and name a host, "
                       "for example https://tambo.munitacna.gob.pe.");
        m_server->setFocus();
    }
    if (scannerPrefix().size() > AppSettings::MaxScannerAffixLength
        || scannerSuffix().size() > AppSettings::MaxScannerAffixLength) {
        problems << tr("The scanner prefix and suffix may have at most %n character(s) each.",
                       nullptr,
                       AppSettings::MaxScannerAffixLength);
    }
    if (problems.isEmpty()) {
        m_error->hide();
        m_error->clear();
        return true;
    }
    m_error->setText(problems.join(QLatin1Char('\n')));
    m_error->show();
    return false;
}

void SettingsDialog::accept()
{
    if (validate())
        QDialog::accept();
}

} // namespace tambo::shell
