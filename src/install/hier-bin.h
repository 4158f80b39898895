/* hier-bin.h: the installed programs and their modes, one line each;
   included by hier.c.  Add a line when you add a program. */
BIN("checkpassword", U_OWNER, 0755);
BIN("config", U_OWNER, 0755);
BIN("config-fast", U_OWNER, 0755);
BIN("qmail-clean", U_OWNER, 0711);
BIN("qmail-getpw", U_OWNER, 0711);
BIN("qmail-local", U_OWNER, 0711);
BIN("qmail-lspawn", U_OWNER, 0700);
BIN("qmail-pop3d", U_OWNER, 0755);
BIN("qmail-popup", U_OWNER, 0711);
BIN("qmail-queue", U_QMAILQ, 04711);
BIN("qmail-send", U_OWNER, 0711);
BIN("qmail-smtpd", U_OWNER, 0755);
BIN("qmail-start", U_OWNER, 0700);
