-- Live instance lists: every change to an instance row is announced on the channel
-- `berth_instances` with only its id and project. Listeners re-read the rows they are allowed to
-- see, so the payload never carries data and stays far below NOTIFY's 8000-byte limit.
-- Notifications are sent at commit, and identical ones in one transaction are sent once.
CREATE FUNCTION "berth_notify_instance_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  changed RECORD;
BEGIN
  IF TG_OP = 'DELETE' THEN
    changed := OLD;
  ELSE
    changed := NEW;
  END IF;
  PERFORM pg_notify('berth_instances', json_build_object('id', changed."id", 'projectId', changed."projectId")::text);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "instances_notify_change"
AFTER INSERT OR UPDATE OR DELETE ON "instances"
FOR EACH ROW EXECUTE FUNCTION "berth_notify_instance_change"();
