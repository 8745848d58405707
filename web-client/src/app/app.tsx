import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { crearRouter } from '@/app/router';

export function App() {
  const [router] = useState(crearRouter);
  return (
    <AppProvider>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
