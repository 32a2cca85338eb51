#pragma once

#include "audit/AuditLog.h"
#include "auth/Session.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableView;

namespace tambo::shell {

class AuditTableModel;

// Built-in page "Audit" (core.audit.view): the newest rows of the audit log and a button that
// checks the whole hash chain (AuditLog::verify) and says what it found.
class AuditPage : public QWidget
{
    Q_OBJECT

public:
    // The newest `limit` rows, newest first; fills *error (translated) on failure.
    using RowsProvider = std::function<QList<core::AuditLog::Row>(int limit, QString *error)>;
    using Verifier = std::function<core::AuditLog::VerifyReport()>;

    AuditPage(RowsProvider rows, Verifier verify, QWidget *parent = nullptr);
    // Reads (as session, which needs core.audit.view) and verifies through the log itself.
    AuditPage(core::AuditLog &log, const core::Session &session, QWidget *parent = nullptr);

    static constexpr int RowLimit = 500;

    AuditTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString reportText() const;
    const core::AuditLog::VerifyReport &lastReport() const { return m_report; }

public slots:
    bool reload();
    bool verifyChain();

private:
    void build();

    RowsProvider m_rows;
    Verifier m_verify;
    core::AuditLog::VerifyReport m_report;
    AuditTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_report_label = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_verifyButton = nullptr;
};

} // namespace tambo::shell
