#pragma once

#include <QDialog>

namespace tambo::shell {

// Help > About Tambo: version, license, Qt and SQLCipher versions, the municipality.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    // sqlcipherVersion: "4.14.0 community" as PRAGMA cipher_version answers; empty = unknown.
    explicit AboutDialog(const QString &sqlcipherVersion = {}, QWidget *parent = nullptr);

    // The text shown (plain, for tests and the clipboard).
    QString detailsText() const;

private:
    QString m_sqlcipherVersion;
};

} // namespace tambo::shell
