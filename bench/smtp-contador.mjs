// Loopback SMTP server for the Notificaciones bench: accepts everything and counts messages by Message-ID.
// Prints "PUERTO <n>"; on a stdin line "CUENTA" prints "CUENTA <messages> <distinct Message-IDs>", on "REINICIAR" forgets them.
// On "CAPTURAR" it also keeps each message's bytes as received, until "VOLCAR <file>" writes them there (each as its length, a newline
// and its bytes) and prints "VOLCADOS <n>": the raw baseline sends exactly what the product sent.
// Usage: node smtp-contador.mjs <folder with node_modules/smtp-server (build/mail)>
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const require = createRequire(path.join(process.argv[2], 'package.json'));
const { SMTPServer } = require('smtp-server');
let mensajes = 0;
let ids = new Set();
let capturados = null;

const servidor = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 50 * 1024 * 1024,
  onData(flujo, sesion, listo) {
    let cabecera = '';
    let completa = false;
    const trozos = capturados ? [] : null;
    flujo.on('data', (trozo) => {
      trozos?.push(trozo);
      if (completa) return;
      cabecera += trozo.toString('latin1');
      const fin = cabecera.indexOf('\r\n\r\n');
      if (fin >= 0) {
        cabecera = cabecera.slice(0, fin);
        completa = true;
      }
    });
    flujo.on('end', () => {
      const m = /^message-id:\s*(\S+)/im.exec(cabecera);
      mensajes++;
      if (m) ids.add(m[1]);
      if (trozos && capturados) capturados.push(Buffer.concat(trozos));
      listo();
    });
  },
});

readline.createInterface({ input: process.stdin }).on('line', (linea) => {
  if (linea === 'CUENTA') console.log(`CUENTA ${mensajes} ${ids.size}`);
  if (linea === 'REINICIAR') {
    mensajes = 0;
    ids = new Set();
    console.log('CUENTA 0 0');
  }
  if (linea === 'CAPTURAR') {
    capturados = [];
    console.log('CAPTURANDO');
  }
  if (linea.startsWith('VOLCAR ')) {
    const archivo = fs.openSync(linea.slice('VOLCAR '.length), 'w');
    for (const m of capturados) fs.writeSync(archivo, Buffer.concat([Buffer.from(`${m.length}\n`, 'latin1'), m]));
    fs.closeSync(archivo);
    console.log(`VOLCADOS ${capturados.length}`);
    capturados = null;
  }
});
servidor.listen(0, '127.0.0.1', () => console.log('PUERTO ' + servidor.server.address().port));
