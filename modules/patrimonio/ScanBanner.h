#pragma once

#include <QFrame>

QT_BEGIN_NAMESPACE
class QLabel;
QT_END_NAMESPACE

namespace tambo::patrimonio {

// The strip at the top of the patrimonio pages that says what the last scan did, in words and
// in colour (the colour is never the only sign: the text says it too). Screen readers get the
// text as the accessible description.
class ScanBanner : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { None, Info, Found, Repeated, Problem };
    Q_ENUM(Kind)

    explicit ScanBanner(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void clearMessage();
    Kind kind() const { return m_kind; }
    QString text() const;

private:
    QLabel *m_label = nullptr;
    Kind m_kind = Kind::None;
};

} // namespace tambo::patrimonio
