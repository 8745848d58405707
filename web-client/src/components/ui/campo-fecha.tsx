import { DateInput, type DateInputProps } from '@mantine/dates';

/** Date input in the Chilean format (dd-mm-aaaa); the value is an ISO date. */
export function CampoFecha(props: DateInputProps) {
  return <DateInput valueFormat="DD-MM-YYYY" placeholder="dd-mm-aaaa" {...props} />;
}
