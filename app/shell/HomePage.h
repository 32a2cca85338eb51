#pragma once

#include <QDate>
#include <QIcon>
#include <QStringList>
#include <QWidget>

class QLabel;

namespace tambo::shell {

// The built-in "Home" page: a welcome with today's date and the sede, one tile a page the user
// may open (Enter or a click opens it), who is logged in, where the data lives and which modules
// this build carries.
class HomePage : public QWidget
{
    Q_OBJECT

public:
    struct Tile
    {
        QString pageId;
        QString title;
        QString description; // may be empty
        QIcon icon;
        QString shortcut; // "Ctrl+2"
    };

    struct Info
    {
        QString fullName;
        QString username;
        QString roleTitle;
        QString sede; // name, or empty when not configured
        QString storePath;
        bool demoStore = false;
        QDate today;
        QList<Tile> tiles;          // the other pages of this session
        QStringList modules;        // "Patrimonio (versión 1.0)" …
        QStringList moduleProblems; // translated errors of disabled modules (admins only)
    };

    explicit HomePage(const Info &info, QWidget *parent = nullptr);

    QString welcomeText() const;
    QStringList tileTitles() const;

signals:
    void pageRequested(const QString &pageId);

private:
    QWidget *makeTile(const Tile &tile);

    QLabel *m_welcome = nullptr;
    QStringList m_tileTitles;
};

} // namespace tambo::shell
