// A real SMTP server on loopback that answers like a troubled one: RCPT of "rechazo*" gets 550 (permanent), of "temporal*"
// gets 451 on its first two attempts and is accepted on the third. Prints "PUERTO <n>" when listening and "RECIBIDO <to>" per message.
// Usage: node smtp-fallas.mjs <folder with node_modules/smtp-server (build/mail)>
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.argv[2], 'package.json'));
const { SMTPServer } = require('smtp-server');
const intentos = new Map();

const servidor = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(direccion, sesion, listo) {
    const a = direccion.address.toLowerCase();
    const n = (intentos.get(a) ?? 0) + 1;
    intentos.set(a, n);
    if (a.startsWith('rechazo')) {
      const e = new Error('5.1.1 Mailbox does not exist');
      e.responseCode = 550;
      return listo(e);
    }
    if (a.startsWith('temporal') && n < 3) {
      const e = new Error('4.2.0 Try again later');
      e.responseCode = 451;
      return listo(e);
    }
    return listo();
  },
  onData(flujo, sesion, listo) {
    flujo.on('data', () => {});
    flujo.on('end', () => {
      console.log('RECIBIDO ' + sesion.envelope.rcptTo.map((r) => r.address).join(','));
      listo();
    });
  },
});

servidor.listen(0, '127.0.0.1', () => console.log('PUERTO ' + servidor.server.address().port));
